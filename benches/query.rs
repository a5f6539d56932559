//! Query latency on a large index, in process: top 10 alone, top 10 + count,
//! top 10 + count + year and country facets, the last both with annals'
//! facet collector and with tantivy's aggregations (terms), for a common and
//! a rare term; then the whole `Engine::search` (snippets, stored records)
//! with and without facets.
//!
//! tantivy's own `FacetCollector` needs facet-typed fields, which annals'
//! schema does not have: for it the bench builds, once, a side index of the
//! same sentences' text with year and country as facets
//! (`<index>-facets`), so the three ways to count facets count the same
//! matches.
//!
//! The index comes from `ANNALS_BENCH_INDEX` (default
//! `target/bench-index/ungdc`), built beforehand with
//! `annals build target/bench-corpus/ungdc --index target/bench-index/ungdc`;
//! without it the bench says so and skips. Besides criterion's figures it
//! prints p50 and p95 over 200 runs of each path.
//!
//! First, every countable facet alone over every sentence (`*`, no page):
//! the cost that grows with the corpus. `ANNALS_BENCH_FACETS_ONLY=1` stops
//! there (the side index of a large corpus takes minutes to build).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use annals::search::FacetCollector;
use annals::search::{Engine, SearchRequest};
use annals::vocab::facets::Facet as Dimension;
use criterion::{Criterion, criterion_group, criterion_main};
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::{AggContextParams, AggregationCollector, AggregationLimitsGuard};
use tantivy::collector::{Count, FacetCollector as TantivyFacetCollector, TopDocs};
use tantivy::query::{Query, QueryParser};
use tantivy::schema::{
    Facet, FacetOptions, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::{Index, IndexWriter, TantivyDocument};

const TERMS: [(&str, &str); 2] = [("common", "peace"), ("rare", "Zanzibar")];

fn percentiles(f: impl FnMut()) -> (f64, f64) {
    percentiles_of(200, f)
}

/// The median and 95th percentile of `runs` timings, in milliseconds.
fn percentiles_of(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[runs / 2], times[runs * 95 / 100])
}

/// The side index with year and country as tantivy facets; built on first use.
fn facet_side_index(engine: &Engine, path: &Path) -> tantivy::Result<Index> {
    let side = path.with_file_name(format!(
        "{}-facets",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("index")
    ));
    if side.join("meta.json").exists() {
        let index = Index::open_in_dir(&side)?;
        annals::index::schema::register_analyzers(&index);
        return Ok(index);
    }
    eprintln!(
        "building the facet side index at {} (once) …",
        side.display()
    );
    std::fs::create_dir_all(&side)?;
    let mut builder = Schema::builder();
    let text = builder.add_text_field(
        "text",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(annals::index::schema::TEXT_ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    let year = builder.add_facet_field("year", FacetOptions::default());
    let country = builder.add_facet_field("country", FacetOptions::default());
    let index = Index::create_in_dir(&side, builder.build())?;
    annals::index::schema::register_analyzers(&index);
    let mut writer: IndexWriter = index.writer_with_num_threads(1, 512 << 20)?;
    let searcher = engine.searcher();
    let fields = &engine.index().fields;
    for segment in searcher.segment_readers() {
        let store = segment.get_store_reader(64)?;
        let years = segment.fast_fields().i64(Dimension::Year.field())?;
        let countries = segment.fast_fields().str(Dimension::Country.field())?;
        let mut name = String::new();
        for d in segment.doc_ids_alive() {
            let stored: TantivyDocument = store.get(d)?;
            let mut doc = TantivyDocument::default();
            doc.add_text(
                text,
                stored
                    .get_first(fields.text)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default(),
            );
            for y in years.values_for_doc(d) {
                doc.add_facet(year, Facet::from_path([y.to_string()]));
            }
            if let Some(column) = &countries {
                for ord in column.term_ords(d) {
                    name.clear();
                    column.ord_to_str(ord, &mut name)?;
                    doc.add_facet(country, Facet::from_path([name.as_str()]));
                }
            }
            writer.add_document(doc)?;
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(index)
}

fn bench(c: &mut Criterion) {
    let path = PathBuf::from(
        std::env::var("ANNALS_BENCH_INDEX").unwrap_or_else(|_| "target/bench-index/ungdc".into()),
    );
    let engine = match Engine::open(&path) {
        Ok(engine) => engine,
        Err(e) => {
            eprintln!("query bench: {e}; build the index first (see the doc comment); skipping");
            return;
        }
    };
    eprintln!("\nevery sentence ('*'), one facet at a time, no page:");
    for facet in Dimension::countable() {
        let request = SearchRequest {
            query: "*".into(),
            limit: 0,
            facets: vec![facet],
            ..SearchRequest::default()
        };
        let (p50, p95) = percentiles_of(20, || drop(black_box(engine.search(&request))));
        eprintln!("  {:<36} p50 {p50:8.1} ms   p95 {p95:8.1} ms", facet.name());
    }
    if std::env::var_os("ANNALS_BENCH_FACETS_ONLY").is_some() {
        return;
    }
    let searcher = engine.searcher();
    let index = &engine.index().index;
    let parser = QueryParser::for_index(index, vec![engine.index().fields.text]);
    let kinds = vec![Dimension::Year, Dimension::Country];
    let aggregations: Aggregations = serde_json::from_value(serde_json::json!({
        "year": {"terms": {"field": "year", "size": 10}},
        "country": {"terms": {"field": "country", "size": 10}},
    }))
    .expect("aggregation request");

    let side = facet_side_index(&engine, &path).expect("facet side index");
    let side_searcher = side.reader().expect("side reader").searcher();
    let side_parser =
        QueryParser::for_index(&side, vec![side.schema().get_field("text").expect("text")]);
    let facets_of = |field: &str| {
        let mut collector = TantivyFacetCollector::for_field(field);
        collector.add_facet("/");
        collector
    };

    for (label, term) in TERMS {
        let query: Box<dyn Query> = parser.parse_query(term).expect("query");
        let side_query: Box<dyn Query> = side_parser.parse_query(term).expect("query");
        let tantivy_facets = (
            TopDocs::with_limit(10).order_by_score(),
            Count,
            (facets_of("year"), facets_of("country")),
        );
        let hits = searcher.search(&query, &Count).expect("count");
        eprintln!("\n{label} term {term:?}: {hits} matching sentences");
        let top10 = TopDocs::with_limit(10).order_by_score();
        let top10_count = (TopDocs::with_limit(10).order_by_score(), Count);
        let facets = (
            TopDocs::with_limit(10).order_by_score(),
            Count,
            FacetCollector::new(kinds.clone()),
        );
        let aggs = (
            TopDocs::with_limit(10).order_by_score(),
            Count,
            AggregationCollector::from_aggs(
                aggregations.clone(),
                AggContextParams::new(
                    AggregationLimitsGuard::default(),
                    index.tokenizers().clone(),
                ),
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

        let report = |name: &str, (p50, p95): (f64, f64)| {
            eprintln!("  {name:<36} p50 {p50:8.3} ms   p95 {p95:8.3} ms")
        };
        report(
            "top 10",
            percentiles(|| drop(black_box(searcher.search(&query, &top10)))),
        );
        report(
            "top 10 + count",
            percentiles(|| drop(black_box(searcher.search(&query, &top10_count)))),
        );
        report(
            "top 10 + count + facets (annals)",
            percentiles(|| drop(black_box(searcher.search(&query, &facets)))),
        );
        report(
            "top 10 + count + facets (aggregations)",
            percentiles(|| drop(black_box(searcher.search(&query, &aggs)))),
        );
        report(
            "top 10 + count + facets (FacetCollector)",
            percentiles(|| {
                drop(black_box(
                    side_searcher.search(&side_query, &tantivy_facets),
                ))
            }),
        );
        report(
            "Engine::search",
            percentiles(|| drop(black_box(engine.search(&plain)))),
        );
        report(
            "Engine::search + year,country facets",
            percentiles(|| drop(black_box(engine.search(&faceted)))),
        );

        let mut group = c.benchmark_group(format!("query/{label}"));
        group.sample_size(30);
        group.bench_function("top10", |b| b.iter(|| searcher.search(&query, &top10)));
        group.bench_function("top10+count", |b| {
            b.iter(|| searcher.search(&query, &top10_count))
        });
        group.bench_function("top10+count+facets/annals", |b| {
            b.iter(|| searcher.search(&query, &facets))
        });
        group.bench_function("top10+count+facets/aggregations", |b| {
            b.iter(|| searcher.search(&query, &aggs))
        });
        group.bench_function("top10+count+facets/FacetCollector", |b| {
            b.iter(|| side_searcher.search(&side_query, &tantivy_facets))
        });
        group.bench_function("engine", |b| b.iter(|| engine.search(&plain)));
        group.bench_function("engine+facets", |b| b.iter(|| engine.search(&faceted)));
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
