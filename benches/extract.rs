//! Throughput of each stage between a corpus file and an annotated sentence,
//! on real prose: the UN General Debate speeches (`ANNALS_BENCH_CORPUS`, a
//! folder or file; default `target/bench-corpus/ungdc`; the bench says so and
//! skips when it is missing). Files are taken across the whole corpus (every
//! k-th file) up to a few MB, and read with annals' own reader, so the
//! extractors see exactly the sentences a build gives them.
//!
//! `cargo bench --bench extract`; criterion reports MB/s per stage.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use annals::corpus::{self, Document, ReadOptions};
use annals::extract::{dates, gazetteer, names, places};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const BUDGET: u64 = 4 << 20;

/// Raw files and their documents, spread across the corpus.
fn sample() -> Option<(Vec<Vec<u8>>, Vec<Document>)> {
    let root = PathBuf::from(
        std::env::var("ANNALS_BENCH_CORPUS").unwrap_or_else(|_| "target/bench-corpus/ungdc".into()),
    );
    let mut warnings = Vec::new();
    let Ok(files) = corpus::collect_files(std::slice::from_ref(&root), &mut warnings) else {
        eprintln!(
            "extract bench: no corpus at {} (set ANNALS_BENCH_CORPUS); skipping",
            root.display()
        );
        return None;
    };
    let total: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(&f.path).ok())
        .map(|m| m.len())
        .sum();
    let step = (total / BUDGET).max(1) as usize;
    let (mut raw, mut docs, mut bytes) = (Vec::new(), Vec::new(), 0u64);
    for file in files.iter().step_by(step) {
        let Ok(content) = std::fs::read(&file.path) else {
            continue;
        };
        bytes += content.len() as u64;
        raw.push(content);
        let _ = corpus::read_file(file, ReadOptions::default(), &mut warnings, &mut |d| {
            docs.push(d);
            Ok(())
        });
        if bytes >= BUDGET {
            break;
        }
    }
    Some((raw, docs))
}

fn bench(c: &mut Criterion) {
    let started = Instant::now();
    let countries = gazetteer::gazetteer().countries().count();
    eprintln!(
        "gazetteer: {countries} countries loaded in {:?}",
        started.elapsed()
    );
    let started = Instant::now();
    let _ = places::find_places_in_document(&["Warm-up in Baku."], &[]);
    eprintln!(
        "gazetteer: first match (builds the automaton) in {:?}",
        started.elapsed()
    );

    let Some((raw, docs)) = sample() else { return };
    let raw_bytes: u64 = raw.iter().map(|r| r.len() as u64).sum();
    let sentences: Vec<&str> = docs
        .iter()
        .flat_map(|d| d.sentences.iter().map(|s| s.text.as_str()))
        .collect();
    let text_bytes: u64 = sentences.iter().map(|s| s.len() as u64).sum();
    eprintln!(
        "sample: {} files, {:.1} MB, {} sentences",
        raw.len(),
        raw_bytes as f64 / 1e6,
        sentences.len()
    );

    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(raw_bytes));
    group.bench_function("segment", |b| {
        b.iter(|| {
            let mut n = 0;
            for bytes in &raw {
                let _ = corpus::read_text(
                    bytes.clone(),
                    std::path::Path::new("x.txt"),
                    ReadOptions::default(),
                    &mut Vec::new(),
                    &mut |d| {
                        n += d.sentences.len();
                        Ok(())
                    },
                );
            }
            black_box(n)
        })
    });
    group.throughput(Throughput::Bytes(text_bytes));
    group.bench_function("dates", |b| {
        b.iter(|| {
            sentences
                .iter()
                .map(|s| dates::extract_dates(black_box(s)).mentions.len())
                .sum::<usize>()
        })
    });
    group.bench_function("names", |b| {
        b.iter(|| {
            sentences
                .iter()
                .map(|s| names::find_names(black_box(s)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("places", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    let texts: Vec<&str> = d.sentences.iter().map(|s| s.text.as_str()).collect();
                    places::find_places_in_document(black_box(&texts), &[])
                        .iter()
                        .map(Vec::len)
                        .sum::<usize>()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("annotate_document", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| annals::annotate::annotate_document(black_box(d)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
