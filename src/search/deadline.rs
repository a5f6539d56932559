//! A search's deadline, kept inside collection: past it, a collector stops
//! doing work for every further document (only tantivy's own iteration is
//! left, a small part of the cost), and the search ends with
//! `Error::TimedOut` instead of an answer nobody waits for.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader, TantivyError};

/// How many documents pass between two looks at the clock.
const CHECK_EVERY: u32 = 4096;

/// Wraps a collector with a deadline; `None` is no deadline.
pub struct WithDeadline<C> {
    pub inner: C,
    pub deadline: Option<Instant>,
    passed: Arc<AtomicBool>,
}

impl<C> WithDeadline<C> {
    pub fn new(inner: C, deadline: Option<Instant>) -> Self {
        WithDeadline {
            inner,
            deadline,
            passed: Arc::new(AtomicBool::new(false)),
        }
    }
}

/// For work after collection (reading hits, naming facet values): an
/// error once the deadline has passed, so that an abandoned search stops
/// between two steps instead of finishing an answer nobody waits for.
pub fn check(deadline: Option<Instant>) -> crate::error::Result<()> {
    match deadline {
        Some(d) if Instant::now() >= d => Err(crate::error::Error::TimedOut),
        _ => Ok(()),
    }
}

/// The message by which a search that ran out of time is told from other
/// failures.
pub const TIMED_OUT: &str = "annals: the search's deadline passed";

pub struct DeadlineSegment<S> {
    inner: S,
    deadline: Option<Instant>,
    passed: Arc<AtomicBool>,
    seen: u32,
}

impl<C: Collector> Collector for WithDeadline<C> {
    type Fruit = C::Fruit;
    type Child = DeadlineSegment<C::Child>;

    fn for_segment(
        &self,
        id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        Ok(DeadlineSegment {
            inner: self.inner.for_segment(id, segment)?,
            deadline: self.deadline,
            passed: Arc::clone(&self.passed),
            seen: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<Self::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<Self::Fruit> {
        if self.passed.load(Ordering::Relaxed) {
            return Err(TantivyError::InternalError(TIMED_OUT.into()));
        }
        self.inner.merge_fruits(fruits)
    }
}

impl<S: SegmentCollector> SegmentCollector for DeadlineSegment<S> {
    type Fruit = S::Fruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(deadline) = self.deadline {
            self.seen += 1;
            if self.seen >= CHECK_EVERY {
                self.seen = 0;
                if Instant::now() >= deadline {
                    self.passed.store(true, Ordering::Relaxed);
                }
            }
            if self.passed.load(Ordering::Relaxed) {
                return;
            }
        }
        self.inner.collect(doc, score);
    }

    fn harvest(self) -> Self::Fruit {
        self.inner.harvest()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;
    use std::time::Duration;

    use tantivy::collector::Count;
    use tantivy::query::AllQuery;
    use tantivy::schema::{STORED, Schema};
    use tantivy::{Index, TantivyDocument};

    use super::*;

    /// A collector that takes its time over every document and counts them.
    struct Slow(Arc<AtomicUsize>);

    struct SlowSegment(Arc<AtomicUsize>);

    impl Collector for Slow {
        type Fruit = ();
        type Child = SlowSegment;

        fn for_segment(
            &self,
            _: SegmentOrdinal,
            _: &SegmentReader,
        ) -> tantivy::Result<SlowSegment> {
            Ok(SlowSegment(Arc::clone(&self.0)))
        }

        fn requires_scoring(&self) -> bool {
            false
        }

        fn merge_fruits(&self, _: Vec<()>) -> tantivy::Result<()> {
            Ok(())
        }
    }

    impl SegmentCollector for SlowSegment {
        type Fruit = ();

        fn collect(&mut self, _: DocId, _: Score) {
            if self.0.fetch_add(1, Ordering::Relaxed).is_multiple_of(1000) {
                std::thread::sleep(Duration::from_millis(5));
            }
        }

        fn harvest(self) {}
    }

    #[test]
    fn past_its_deadline_a_search_stops_working() {
        let mut schema = Schema::builder();
        let n = schema.add_u64_field("n", STORED);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15 << 20).unwrap();
        for i in 0..200_000u64 {
            let mut doc = TantivyDocument::default();
            doc.add_u64(n, i);
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        // Unhurried, the slow collector sees every document (200 pauses,
        // about a second).
        let seen = Arc::new(AtomicUsize::new(0));
        let deadline = Some(Instant::now() + Duration::from_millis(30));
        let outcome = searcher.search(
            &AllQuery,
            &WithDeadline::new((Count, Slow(Arc::clone(&seen))), deadline),
        );
        let err = outcome.expect_err("the deadline passed");
        assert!(err.to_string().contains(TIMED_OUT), "{err}");
        // It stopped: far fewer documents collected than there are.
        assert!(seen.load(Ordering::Relaxed) < 100_000, "{seen:?}");
        // Without a deadline the same search sees everything.
        let all = Arc::new(AtomicUsize::new(0));
        let count = searcher
            .search(
                &AllQuery,
                &WithDeadline::new((Count, Slow(Arc::clone(&all))), None),
            )
            .unwrap()
            .0;
        assert_eq!((count, all.load(Ordering::Relaxed)), (200_000, 200_000));
    }
}
