package flags_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/heraldhq/herald/flags"
)

// FuzzFlagFile loads arbitrary flag files: loading may fail, evaluation
// must not panic, and a flag that cannot be evaluated answers its default.
func FuzzFlagFile(f *testing.F) {
	sample, err := os.ReadFile("herald.flagd.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(sample))
	f.Add(`{"flags":{"dark-launch":{"state":"ENABLED","variants":{"on":"yes"},"defaultVariant":"on"}}}`)
	f.Add(`{"flags":{"rollout":{"state":"DISABLED","variants":{},"defaultVariant":"nope"}}}`)
	f.Add(`{"flags":{"rollout":{"state":"ENABLED","variants":{"on":true},"defaultVariant":"on","targeting":{"fractional":[]}}}}`)
	f.Add(`not json`)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	f.Fuzz(func(t *testing.T, body string) {
		path := filepath.Join(t.TempDir(), "flags.json")
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		fl, err := flags.New(ctx, &flags.Options{File: path, Logger: quiet})
		if err != nil {
			return
		}
		defer fl.Close(ctx) //nolint:errcheck // best effort in a fuzz run
		target := flags.Target{RecipientID: "u1", MessageType: "m", Channel: "email"}
		for _, flag := range []string{flags.DarkLaunch, flags.Rollout, flags.KillSwitch} {
			r := fl.Bool(ctx, flag, flag == flags.Rollout, target)
			if r.Reason == "ERROR" && r.Value != (flag == flags.Rollout) {
				t.Fatalf("%s errored but did not answer its default", flag)
			}
		}
		for _, flag := range []string{flags.ProviderSplit, flags.TemplateVariant} {
			if r := fl.String(ctx, flag, "", target); r.Reason == "ERROR" && r.Value != "" {
				t.Fatalf("%s errored but did not answer its default", flag)
			}
		}
	})
}
