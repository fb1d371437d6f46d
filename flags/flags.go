// Package flags evaluates Herald's feature flags through OpenFeature, with
// the flagd provider evaluating in-process: from a flag file operators edit
// (watched, changes apply within seconds) or synced from a flagd server.
//
// Every evaluation is for one delivery: the targeting key is the recipient
// id, so percentage rollouts are stable per recipient, and the attributes
// tenant, messageType, version, category, channel, provider and priority
// are there for targeting rules. Without a flag source, or when a flag is
// missing or broken, each flag answers its safe default; a broken flag is
// logged once, not per message.
package flags

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"sync"

	"github.com/go-logr/logr"
	flagd "github.com/open-feature/go-sdk-contrib/providers/flagd/pkg"
	of "github.com/open-feature/go-sdk/openfeature"
	"github.com/open-feature/go-sdk/openfeature/isolated"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/metric"
)

// Flag keys Herald evaluates.
const (
	// DarkLaunch (boolean, default false): run the whole pipeline, then stop
	// right before the provider call and record DARK_LAUNCHED.
	DarkLaunch = "dark-launch"
	// Rollout (boolean, default true): false suppresses the delivery as
	// not_in_rollout — or, with the variant named VariantPrevious, renders
	// the message type's previous version instead.
	Rollout = "rollout"
	// KillSwitch (boolean, default false): true holds deliveries on the
	// matching channel or provider until it is switched back.
	KillSwitch = "kill-switch"
	// ProviderSplit (string, default ""): names the provider to send with
	// first, e.g. 10% of email through a new provider.
	ProviderSplit = "provider-split"
	// TemplateVariant (string, default ""): the A/B variant of the message
	// type's templates a recipient gets.
	TemplateVariant = "template-variant"
)

// VariantPrevious is the rollout variant that keeps a recipient on the
// previous version of a message type instead of suppressing.
const VariantPrevious = "previous"

// Options configure New. The zero value evaluates nothing: every flag at its
// default.
type Options struct {
	// File is a flagd flag definition file, watched for changes.
	File string
	// FlagdAddr is the host:port of a flagd sync service; used when File is
	// empty.
	FlagdAddr string
	// Logger defaults to slog.Default().
	Logger *slog.Logger
	// MeterProvider receives herald.flag.evaluations. Default the global one.
	MeterProvider metric.MeterProvider
}

// Flags evaluates flags for deliveries.
type Flags struct {
	api    *of.EvaluationAPI
	client *of.Client
	logger *slog.Logger
	source string
	// failures remembers which (flag, error) pairs were logged.
	failures sync.Map
}

// New connects the flag source and waits until it is ready.
func New(ctx context.Context, opts *Options) (*Flags, error) {
	if opts == nil {
		opts = &Options{}
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.Default()
	}
	mp := opts.MeterProvider
	if mp == nil {
		mp = otel.GetMeterProvider()
	}
	f := &Flags{api: isolated.NewAPI(), logger: logger, source: "defaults"}
	// flagd logs every file event at info; only its warnings matter here.
	quiet := logr.FromSlogHandler(logger.Handler()).V(4)
	var providerOpts []flagd.ProviderOption
	switch {
	case opts.File != "":
		f.source = "file " + opts.File
		providerOpts = []flagd.ProviderOption{flagd.WithFileResolver(), flagd.WithOfflineFilePath(opts.File), flagd.WithLogger(quiet)}
	case opts.FlagdAddr != "":
		host, port, err := net.SplitHostPort(opts.FlagdAddr)
		if err != nil {
			return nil, fmt.Errorf("flags: flagd address: %w", err)
		}
		p, err := strconv.ParseUint(port, 10, 16)
		if err != nil {
			return nil, fmt.Errorf("flags: flagd port: %w", err)
		}
		f.source = "flagd " + opts.FlagdAddr
		providerOpts = []flagd.ProviderOption{flagd.WithInProcessResolver(), flagd.WithHost(host), flagd.WithPort(uint16(p)), flagd.WithLogger(quiet)}
	}
	if providerOpts != nil {
		provider, err := flagd.NewProvider(providerOpts...)
		if err != nil {
			return nil, fmt.Errorf("flags: %w", err)
		}
		if err := f.api.SetProviderAndWait(ctx, provider); err != nil {
			return nil, fmt.Errorf("flags: %s: %w", f.source, err)
		}
	}
	hook, err := newMetricsHook(mp)
	if err != nil {
		return nil, err
	}
	f.api.AddHooks(hook)
	f.client = f.api.NewClient()
	logger.InfoContext(ctx, "feature flags ready", "source", f.source)
	return f, nil
}

// Source says where flags come from: "file <path>", "flagd <addr>" or
// "defaults".
func (f *Flags) Source() string { return f.source }

// Close stops watching the flag source.
func (f *Flags) Close(ctx context.Context) error { return f.api.Shutdown(ctx) }

// Target is the delivery a flag is evaluated for.
type Target struct {
	RecipientID string
	Tenant      string
	MessageType string
	Version     int
	Category    string
	Channel     string
	Provider    string
	Priority    string
}

func (t Target) context() of.EvaluationContext {
	return of.NewEvaluationContext(t.RecipientID, map[string]any{
		"tenant": t.Tenant, "messageType": t.MessageType, "version": t.Version, "category": t.Category,
		"channel": t.Channel, "provider": t.Provider, "priority": t.Priority,
	})
}

// Result is a flag's answer for one target, and what the decision log
// records about it.
type Result[T any] struct {
	Value   T
	Variant string
	Reason  string
}

// Details returns the result as decision-log details.
func (r Result[T]) Details(flag string) map[string]any {
	return map[string]any{"flag": flag, "value": r.Value, "variant": r.Variant, "reason": r.Reason}
}

// Bool evaluates a boolean flag, def when it cannot.
func (f *Flags) Bool(ctx context.Context, flag string, def bool, t Target) Result[bool] {
	d, err := f.client.BooleanValueDetails(ctx, flag, def, t.context())
	f.check(ctx, flag, d.EvaluationDetails, err)
	return Result[bool]{Value: d.Value, Variant: d.Variant, Reason: string(d.Reason)}
}

// String evaluates a string flag, def when it cannot.
func (f *Flags) String(ctx context.Context, flag, def string, t Target) Result[string] {
	d, err := f.client.StringValueDetails(ctx, flag, def, t.context())
	f.check(ctx, flag, d.EvaluationDetails, err)
	return Result[string]{Value: d.Value, Variant: d.Variant, Reason: string(d.Reason)}
}

// check logs a failed evaluation once per flag and error code. A flag that
// is not defined is not a failure: it means "use the default".
func (f *Flags) check(ctx context.Context, flag string, d of.EvaluationDetails, err error) {
	if err == nil || d.ErrorCode == of.FlagNotFoundCode {
		return
	}
	var rerr of.ResolutionError
	code := string(d.ErrorCode)
	if errors.As(err, &rerr) && code == "" {
		code = rerr.Error()
	}
	if _, seen := f.failures.LoadOrStore(flag+"\x00"+code, true); !seen {
		f.logger.WarnContext(ctx, "feature flag evaluation failed; using its default until fixed",
			"flag", flag, "code", code, "error", err)
	}
}
