// Sends a file to be checked (dry run) or imported, with the screen's options. The
// answer names the job; when it already carries the job (the server waited for it, or
// the same file is under way), that copy is put where the job watch reads it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { uploadImport, type ImportKind } from '../../api/imports';
import { importJobKey } from './useImportJob';

export interface ImportRequest {
  kind: ImportKind;
  file: File;
  dryRun: boolean;
  updateExisting: boolean;
  skipBadRows: boolean;
}

export function useStartImport(onStarted: (jobId: number, request: ImportRequest) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file, ...options }: ImportRequest) => uploadImport(kind, file, options),
    onSuccess: ({ jobId, job }, request) => {
      if (job) queryClient.setQueryData(importJobKey(jobId), job);
      onStarted(jobId, request);
    },
  });
}
