package main

import (
	"context"
	"flag"

	"github.com/heraldhq/herald/cmd/herald/internal/app"
)

func runServe(ctx context.Context, args []string) error {
	cfg, err := app.ConfigFromEnv(nil)
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.StringVar(&cfg.Addr, "addr", cfg.Addr, "listen address (HERALD_ADDR)")
	fs.StringVar(&cfg.Role, "role", cfg.Role, "all, api or worker (HERALD_ROLE)")
	fs.StringVar(&cfg.DatabaseURL, "database-url", cfg.DatabaseURL, "Postgres URL (HERALD_DATABASE_URL)")
	if ferr := fs.Parse(args); ferr != nil {
		return ferr
	}
	if err != nil {
		// Flags may have fixed what the environment got wrong.
		if verr := cfg.Validate(); verr != nil {
			return verr
		}
	}
	logger := newLogger(cfg)
	a, err := app.New(ctx, cfg, &app.Options{Logger: logger})
	if err != nil {
		return err
	}
	return a.Run(ctx)
}
