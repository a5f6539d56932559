//! The build's progress bar (indicatif), shown on stderr only when it is a
//! terminal.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use crate::index::BuildProgress;

pub struct ProgressBar {
    bar: Option<indicatif::ProgressBar>,
    files: AtomicU64,
    sentences: AtomicU64,
}

impl ProgressBar {
    /// A bar on stderr if it is a terminal, else nothing.
    pub fn for_stderr() -> ProgressBar {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {binary_bytes_per_sec} eta {eta} {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        ProgressBar {
            bar,
            files: AtomicU64::new(0),
            sentences: AtomicU64::new(0),
        }
    }
}

impl BuildProgress for ProgressBar {
    fn started(&self, files: usize, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(bytes);
            bar.set_message(format!("0/{files} files"));
        }
    }

    fn file_done(&self, bytes: u64) {
        let files = self.files.fetch_add(1, Ordering::Relaxed) + 1;
        let sentences = self.sentences.load(Ordering::Relaxed);
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            bar.set_message(format!("{files} files, {sentences} sentences"));
        }
    }

    fn sentences_done(&self, sentences: u64) {
        self.sentences.fetch_add(sentences, Ordering::Relaxed);
    }

    fn finished(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
