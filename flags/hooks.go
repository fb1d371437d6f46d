package flags

import (
	"context"

	of "github.com/open-feature/go-sdk/openfeature"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
)

// metricsHook counts evaluations by flag, variant and reason, and adds an
// event to the caller's span, named as OpenTelemetry's feature-flag
// conventions name them. (The contrib OpenTelemetry hooks module is not
// served by the module proxy Herald builds from.)
type metricsHook struct {
	of.UnimplementedHook
	evaluations metric.Int64Counter
}

func newMetricsHook(mp metric.MeterProvider) (*metricsHook, error) {
	c, err := mp.Meter("github.com/heraldhq/herald/flags").Int64Counter("herald.flag.evaluations",
		metric.WithDescription("Feature flag evaluations, by flag, variant and reason."),
		metric.WithUnit("{evaluation}"))
	if err != nil {
		return nil, err
	}
	return &metricsHook{evaluations: c}, nil
}

func (h *metricsHook) Finally(ctx context.Context, hc of.HookContext, d of.InterfaceEvaluationDetails, _ of.HookHints) {
	attrs := []attribute.KeyValue{
		attribute.String("feature_flag.key", hc.FlagKey()),
		attribute.String("feature_flag.result.variant", d.Variant),
		attribute.String("feature_flag.result.reason", string(d.Reason)),
	}
	h.evaluations.Add(ctx, 1, metric.WithAttributes(attrs...))
	if span := trace.SpanFromContext(ctx); span.IsRecording() {
		span.AddEvent("feature_flag.evaluation", trace.WithAttributes(attrs...))
	}
}
