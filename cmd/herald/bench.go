package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/heraldhq/herald/cmd/herald/internal/app"
	"github.com/heraldhq/herald/cmd/herald/internal/bench"
)

func runBench(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	cfg := bench.Config{}
	db := os.Getenv("HERALD_DATABASE_URL")
	if db == "" {
		db = app.DefaultDatabaseURL
	}
	fs.StringVar(&cfg.DatabaseURL, "database-url", db, "Postgres server to run on (a database is created and dropped)")
	fs.IntVar(&cfg.N, "n", 2000, "notifications the single scenario sends per phase and round")
	fs.IntVar(&cfg.Rounds, "rounds", 3, "accept-only rounds of the single scenario, alternating with the Postgres baseline's")
	fs.IntVar(&cfg.Concurrency, "concurrency", 32, "concurrent clients (Herald's and the baselines')")
	fs.IntVar(&cfg.Recipients, "recipients", 10_000, "fan-out size")
	fs.IntVar(&cfg.Bulk, "bulk", 100_000, "bulk flood of the lanes scenario")
	fs.IntVar(&cfg.Queued, "queued", 1_000_000, "deliveries the queued scenario piles up")
	scenarios := fs.String("scenario", "single,fanout", "comma-separated: single, fanout, topic, lanes, isolation, queued, or all")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	inProcess := fs.Bool("in-process", false, "run Herald inside this process instead of a child process")
	fs.IntVar(&cfg.WorkerProcs, "worker-procs", 0, "run one API process and this many worker processes (0: one process doing both)")
	verbose := fs.Bool("v", false, "log progress to stderr")
	if err := fs.Parse(args); err != nil {
		return err
	}
	// The clients share the CPUs with what they measure: they collect
	// garbage as sparingly as a server does.
	tuneGC()
	if *scenarios == "all" {
		*scenarios = "single,fanout,topic,lanes,isolation,queued"
	}
	cfg.Scenarios = strings.Split(*scenarios, ",")
	if !*inProcess {
		exe, err := os.Executable()
		if err != nil {
			return err
		}
		cfg.HeraldBinary = exe
	}
	cfg.Env = map[string]string{}
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok && strings.HasPrefix(k, "HERALD_") && k != "HERALD_DATABASE_URL" && k != "HERALD_ADDR" {
			cfg.Env[k] = v
		}
	}
	if *verbose {
		cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	report, err := bench.Run(ctx, cfg)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(report)
	}
	if err := report.WriteTable(os.Stdout); err != nil {
		return err
	}
	for _, t := range report.Targets {
		if !t.Met {
			fmt.Fprintln(os.Stderr, "target not met:", t.Name)
		}
	}
	return nil
}
