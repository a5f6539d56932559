//! The `annals` command: parses arguments (`cli.rs`), makes one library call
//! per command, and reports errors the way the command line spells things.

mod cli;

use std::process::ExitCode;

use clap::Parser;

use annals::app::{self, Outcome};
use annals::error::Error;
use cli::{Cli, Command};

// Building allocates many small strings on every thread; mimalloc keeps
// that cheaper than glibc's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::NothingFound) => ExitCode::from(1),
        Err(err) => {
            eprintln!("annals: error: {}", message(&err));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    Ok(match cli.command {
        Command::Build(args) => match args.engine.url() {
            Some(url) => app::build_into_engine(&args.paths, &args.options()?, &url)?,
            None => app::build(&args.paths, &args.options()?)?,
        },
        Command::Query(args) => match args.engine.url() {
            Some(url) => app::query_engine(&args.request()?, &url, args.output()?)?,
            None => app::query(&args.request()?, &args.index, args.output()?)?,
        },
        Command::Trend(args) => match args.engine.url() {
            Some(url) => app::trend_engine(&args.request()?, &url, args.format())?,
            None => app::trend(&args.request()?, &args.index, args.format())?,
        },
        Command::Extract(args) => app::extract(&args.paths, args.read_options(), args.format())?,
        Command::Show(args) => match args.engine.url() {
            Some(url) => app::show_engine(&url, &args.location, args.context, args.format.into())?,
            None => app::show(
                &args.index,
                &args.location,
                args.context,
                args.format.into(),
            )?,
        },
        Command::Stats(args) => match args.engine.url() {
            Some(url) => app::stats_engine(&url, args.format.into())?,
            None => app::stats(&args.index, args.format.into(), args.verify)?,
        },
        Command::Export(args) => app::export(
            &args.paths,
            args.read_options(),
            args.target(),
            &args.index_id,
            &args.out,
        )?,
        Command::Collocates(args) => {
            app::collocates(&args.request()?, &args.selection.index, args.format.into())?
        }
        Command::Keywords(args) => {
            app::keywords(&args.request()?, &args.selection.index, args.format.into())?
        }
        Command::Serve(args) => match args.engine.url() {
            Some(url) => app::serve_engine(&url, args.options()?)?,
            None => app::serve(&args.index, args.options()?)?,
        },
    })
}

/// The library's message in command-line terms: a setting named as its flag
/// (`--year`), and what to type to get past the error.
fn message(err: &anyhow::Error) -> String {
    let Some(lib) = err.downcast_ref::<Error>() else {
        return format!("{err:#}");
    };
    match lib {
        Error::BadValue {
            name,
            value,
            message,
        } => format!(
            "invalid --{} value {value:?}: {message}",
            name.replace('_', "-")
        ),
        Error::QuerySyntax { .. } => {
            format!("{lib}\nhint: use --plain to search these words literally")
        }
        Error::BadRecord { .. } => {
            format!("{lib} (use --skip-bad to pass over bad records)")
        }
        Error::NotUtf8 { .. } => {
            format!("{lib}; convert it to UTF-8 or build without --strict")
        }
        Error::NotAnIndexFolder { .. } => format!("{lib}: pass another --index"),
        _ => format!("{err:#}"),
    }
}
