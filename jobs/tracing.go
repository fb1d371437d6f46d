package jobs

import (
	"bytes"
	"context"
	"encoding/json"

	"errors"

	"github.com/google/uuid"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"

	"github.com/heraldhq/herald/store"
)

// tracerName names the spans the workers start.
const tracerName = "github.com/heraldhq/herald/jobs"

// traceMetaKey is the job metadata key Herald carries trace context under:
//
//	{"herald_trace": [{"id": "<notification or delivery id>", "traceparent": "00-…"}, …]}
//
// A job of one notification or delivery carries one entry; a batch job
// carries one per member, so each member's spans join the trace of the
// request that caused it. The first entry parents the job's own span.
const traceMetaKey = "herald_trace"

// traceEntry is one member's W3C trace context.
type traceEntry struct {
	ID          uuid.UUID `json:"id"`
	TraceParent string    `json:"traceparent"`
	TraceState  string    `json:"tracestate,omitempty"`
}

// Traces maps notification or delivery ids to the span contexts their
// work continues.
type Traces map[uuid.UUID]trace.SpanContext

var w3c = propagation.TraceContext{}

// TraceMetadata returns job metadata carrying the traces of ids, in order,
// or nil when none of them is traced (tracing off): untraced jobs carry
// nothing.
func TraceMetadata(traces Traces, ids ...uuid.UUID) []byte {
	var entries []traceEntry
	for _, id := range ids {
		sc, ok := traces[id]
		if !ok || !sc.IsValid() {
			continue
		}
		carrier := propagation.MapCarrier{}
		w3c.Inject(trace.ContextWithSpanContext(context.Background(), sc), carrier)
		entries = append(entries, traceEntry{ID: id, TraceParent: carrier["traceparent"], TraceState: carrier["tracestate"]})
	}
	if len(entries) == 0 {
		return nil
	}
	b, _ := json.Marshal(map[string][]traceEntry{traceMetaKey: entries}) //nolint:errchkjson // plain strings
	return b
}

var traceMetaMarker = []byte(`"` + traceMetaKey + `"`)

// jobTraces decodes the traces a job's metadata carries, and the first.
func jobTraces(metadata []byte) (Traces, trace.SpanContext) {
	if !bytes.Contains(metadata, traceMetaMarker) {
		return nil, trace.SpanContext{}
	}
	var meta map[string][]traceEntry
	if json.Unmarshal(metadata, &meta) != nil {
		return nil, trace.SpanContext{}
	}
	traces := Traces{}
	var first trace.SpanContext
	for i, e := range meta[traceMetaKey] {
		ctx := w3c.Extract(context.Background(), propagation.MapCarrier{"traceparent": e.TraceParent, "tracestate": e.TraceState})
		sc := trace.SpanContextFromContext(ctx)
		if !sc.IsValid() {
			continue
		}
		traces[e.ID] = sc
		if i == 0 {
			first = sc
		}
	}
	return traces, first
}

type tracesKey struct{}

// TraceMiddleware continues, in a job's work, the traces its metadata
// carries: the job's span (otelriver's, which must come after this in the
// middleware list) joins the first member's trace, and each member's spans
// join their own (memberSpan).
type TraceMiddleware struct {
	river.MiddlewareDefaults
}

var _ rivertype.WorkerMiddleware = (*TraceMiddleware)(nil)

// Work implements rivertype.WorkerMiddleware.
func (*TraceMiddleware) Work(ctx context.Context, job *rivertype.JobRow, doInner func(context.Context) error) error {
	traces, first := jobTraces(job.Metadata)
	if first.IsValid() {
		ctx = context.WithValue(trace.ContextWithRemoteSpanContext(ctx, first), tracesKey{}, traces)
	}
	return doInner(ctx)
}

// memberSpan starts a span for one member (notification or delivery) of
// the job being worked: in the member's own trace, linked to the job's
// span, when the job carries one for it; else a child of ctx's span.
func (w *worker) memberSpan(ctx context.Context, name string, id uuid.UUID, attrs ...trace.SpanStartOption) (context.Context, trace.Span) {
	if traces := jobTracesOf(ctx); traces != nil {
		if sc, ok := traces[id]; ok {
			job := trace.SpanContextFromContext(ctx)
			if sc.TraceID() != job.TraceID() {
				attrs = append(attrs, trace.WithLinks(trace.Link{SpanContext: job}))
				ctx = trace.ContextWithRemoteSpanContext(ctx, sc)
			}
		}
	}
	return w.tracer.Start(ctx, name, attrs...)
}

// jobTracesOf returns the traces of the job being worked in ctx.
func jobTracesOf(ctx context.Context) Traces {
	traces, _ := ctx.Value(tracesKey{}).(Traces)
	return traces
}

// deliverySpanAttrs describes del on its span.
func deliverySpanAttrs(del *store.Delivery) trace.SpanStartOption {
	return trace.WithAttributes(
		attribute.String("herald.delivery.id", del.ID.String()),
		attribute.String("herald.notification.id", del.NotificationID.String()),
		attribute.String("herald.channel", string(del.Channel)),
		attribute.String("herald.message_type", del.MessageType),
	)
}

// endSpan ends span, marking it failed when err is Herald's own trouble
// (not a snooze or a cancel River asked for).
func endSpan(span trace.Span, err error) {
	var snooze *river.JobSnoozeError
	if err != nil && !errors.As(err, &snooze) {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	span.End()
}
