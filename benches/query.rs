//! Query latency on a large index, in process: top 10 alone, top 10 + count,
//! top 10 + count + year and country facets, the last both with annals'
//! facet collector and with tantivy's aggregations (terms), for a common and
//! a rare term; then the whole `Engine::search` (snippets, stored records)
//! with and without facets.
//!
//! The index comes from `ANNALS_BENCH_INDEX` (default
//! `target/bench-index/ungdc`), built beforehand with
//! `annals build target/bench-corpus/ungdc --index target/bench-index/ungdc`;
//! without it the bench says so and skips. Besides criterion's figures it
//! prints p50 and p95 over 200 runs of each path.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use annals::search::facets::{FacetCollector, FacetKind};
use annals::search::{Engine, SearchRequest};
use criterion::{Criterion, criterion_group, criterion_main};
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::{AggContextParams, AggregationCollector, AggregationLimitsGuard};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{Query, QueryParser};

const TERMS: [(&str, &str); 2] = [("common", "peace"), ("rare", "Zanzibar")];

fn percentiles(mut f: impl FnMut()) -> (f64, f64) {
    let mut times: Vec<f64> = (0..200)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[100], times[190])
}

fn bench(c: &mut Criterion) {
    let path = PathBuf::from(std::env::var("ANNALS_BENCH_INDEX").unwrap_or_else(|_| "target/bench-index/ungdc".into()));
    let engine = match Engine::open(&path) {
        Ok(engine) => engine,
        Err(e) => {
            eprintln!("query bench: {e}; build the index first (see the doc comment); skipping");
            return;
        }
    };
    let searcher = engine.searcher();
    let index = &engine.index().index;
    let parser = QueryParser::for_index(index, vec![engine.index().fields.text]);
    let kinds = vec![FacetKind::Year, FacetKind::Country];
    let aggregations: Aggregations = serde_json::from_value(serde_json::json!({
        "year": {"terms": {"field": "year", "size": 10}},
        "country": {"terms": {"field": "country", "size": 10}},
    }))
    .expect("aggregation request");

    for (label, term) in TERMS {
        let query: Box<dyn Query> = parser.parse_query(term).expect("query");
        let hits = searcher.search(&query, &Count).expect("count");
        eprintln!("\n{label} term {term:?}: {hits} matching sentences");
        let top10 = TopDocs::with_limit(10).order_by_score();
        let top10_count = (TopDocs::with_limit(10).order_by_score(), Count);
        let facets = (TopDocs::with_limit(10).order_by_score(), Count, FacetCollector::new(kinds.clone()));
        let aggs = (
            TopDocs::with_limit(10).order_by_score(),
            Count,
            AggregationCollector::from_aggs(
                aggregations.clone(),
                AggContextParams::new(AggregationLimitsGuard::default(), index.tokenizers().clone()),
            ),
        );
        let plain = SearchRequest {
            query: term.to_string(),
            ..SearchRequest::default()
        };
        let faceted = SearchRequest {
            facets: kinds.clone(),
            ..plain.clone()
        };

        let report = |name: &str, (p50, p95): (f64, f64)| eprintln!("  {name:<36} p50 {p50:8.3} ms   p95 {p95:8.3} ms");
        report("top 10", percentiles(|| drop(black_box(searcher.search(&query, &top10)))));
        report("top 10 + count", percentiles(|| drop(black_box(searcher.search(&query, &top10_count)))));
        report("top 10 + count + facets (annals)", percentiles(|| drop(black_box(searcher.search(&query, &facets)))));
        report("top 10 + count + facets (aggregations)", percentiles(|| drop(black_box(searcher.search(&query, &aggs)))));
        report("Engine::search", percentiles(|| drop(black_box(engine.search(&plain)))));
        report("Engine::search + year,country facets", percentiles(|| drop(black_box(engine.search(&faceted)))));

        let mut group = c.benchmark_group(format!("query/{label}"));
        group.sample_size(30);
        group.bench_function("top10", |b| b.iter(|| searcher.search(&query, &top10)));
        group.bench_function("top10+count", |b| b.iter(|| searcher.search(&query, &top10_count)));
        group.bench_function("top10+count+facets/annals", |b| b.iter(|| searcher.search(&query, &facets)));
        group.bench_function("top10+count+facets/aggregations", |b| b.iter(|| searcher.search(&query, &aggs)));
        group.bench_function("engine", |b| b.iter(|| engine.search(&plain)));
        group.bench_function("engine+facets", |b| b.iter(|| engine.search(&faceted)));
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
