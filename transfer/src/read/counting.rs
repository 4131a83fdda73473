//! A reader that publishes its position, so the blocking parser it feeds can say how far
//! through the file (or through the part of a zip it reads) it is.

use std::io::{self, Read, Seek, SeekFrom};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

pub struct Counting<R> {
    inner: R,
    position: Arc<AtomicU64>,
}

impl<R> Counting<R> {
    pub fn new(inner: R) -> (Self, Arc<AtomicU64>) {
        let position = Arc::new(AtomicU64::new(0));
        let reader = Counting {
            inner,
            position: position.clone(),
        };
        (reader, position)
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let count = self.inner.read(buf)?;
        self.position.fetch_add(count as u64, Ordering::Relaxed);
        Ok(count)
    }
}

impl<R: Seek> Seek for Counting<R> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let at = self.inner.seek(to)?;
        self.position.store(at, Ordering::Relaxed);
        Ok(at)
    }
}

/// `position` within `start .. start + len` as a percent (0-100).
pub fn percent_of(position: u64, start: u64, len: u64) -> u8 {
    let done = position.saturating_sub(start).min(len);
    u8::try_from(done * 100 / len.max(1)).unwrap_or(100)
}
