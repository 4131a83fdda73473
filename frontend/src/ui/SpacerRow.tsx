// The table row that stands in for the rows a virtualized table leaves out above or
// below the ones in view: as tall as they would be, hidden from assistive technology.
interface Props {
  height: number;
  columns: number;
}

export function SpacerRow({ height, columns }: Props) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}
