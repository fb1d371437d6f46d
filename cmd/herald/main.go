// Command herald runs and operates Herald, the notification platform.
//
// Run "herald help" for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	_ "time/tzdata" // recipients' time zones work on machines without zoneinfo

	"github.com/heraldhq/herald/cmd/herald/internal/app"
	"github.com/heraldhq/herald/telemetry"
)

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string) error
}

func commands() []command {
	return []command{
		{"serve", "run the API and workers (--role=all|api|worker)", runServe},
		{"dev", "migrate, start Herald with a dev tenant, and print how to send a first notification", runDev},
		{"migrate", "create the database if missing and apply migrations", runMigrate},
		{"tenants", "tenants create <name>", runTenants},
		{"keys", "keys create|list|revoke --tenant <name> [--operator]", runKeys},
		{"inbox-token", "mint a browser token for one recipient's inbox", runInboxToken},
		{"send", "send a notification through the API", runSend},
		{"status", "show a notification, its deliveries and their events", runStatus},
		{"explain", "explain <notification> [recipient]: what became of each delivery, and why", runExplain},
		{"bench", "measure Herald against raw Postgres and raw River on this machine (--json)", runBench},
		{"version", "print the version", func(context.Context, []string) error { fmt.Println(app.Version); return nil }},
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: herald <command> [flags]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nConfiguration comes from HERALD_* environment variables; see the README.")
}

func main() {
	if len(os.Args) < 2 || os.Args[1] == "help" || os.Args[1] == "-h" || os.Args[1] == "--help" {
		usage(os.Stdout)
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	for _, c := range commands() {
		if c.name == os.Args[1] {
			if err := c.run(ctx, os.Args[2:]); err != nil {
				fmt.Fprintln(os.Stderr, "herald "+c.name+": "+err.Error())
				var dbErr *app.DatabaseError
				if errors.As(err, &dbErr) {
					os.Exit(3)
				}
				os.Exit(1)
			}
			return
		}
	}
	fmt.Fprintf(os.Stderr, "herald: unknown command %q\n\n", os.Args[1])
	usage(os.Stderr)
	os.Exit(2)
}

// newLogger returns the process logger the configuration asks for.
func newLogger(cfg app.Config) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(strings.ToUpper(cfg.LogLevel)))
	opts := &slog.HandlerOptions{Level: level}
	var h slog.Handler = slog.NewJSONHandler(os.Stderr, opts)
	if cfg.LogFormat == "text" {
		h = slog.NewTextHandler(os.Stderr, opts)
	}
	return slog.New(telemetry.LogHandler(h))
}
