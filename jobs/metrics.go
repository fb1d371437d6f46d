package jobs

import (
	"context"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/store"
)

const meterName = "github.com/heraldhq/herald/jobs"

// instruments are the workers' metrics.
type instruments struct {
	deliveries  metric.Int64Counter
	providerDur metric.Float64Histogram
	acceptToEnd metric.Float64Histogram
	circuit     metric.Int64Counter
	failovers   metric.Int64Counter
	slotWaits   metric.Int64Counter
	tokensGone  metric.Int64Counter
	suppressed  metric.Int64Counter
	pruned      metric.Int64Counter
	// status webhooks: POSTs by outcome, and their duration
	statusWebhooks   metric.Int64Counter
	statusWebhookDur metric.Float64Histogram
}

// callBuckets bound the histograms of outbound HTTP calls (provider calls,
// status webhooks), in seconds, up to the longest provider timeout.
var callBuckets = metric.WithExplicitBucketBoundaries(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)

func newInstruments(mp metric.MeterProvider) *instruments {
	m := mp.Meter(meterName)
	in := &instruments{}
	in.deliveries, _ = m.Int64Counter("herald.deliveries",
		metric.WithDescription("Deliveries that reached a final status, by channel, provider, A/B variant, status and reason."),
		metric.WithUnit("{delivery}"))
	in.providerDur, _ = m.Float64Histogram("herald.provider.duration",
		metric.WithDescription("Duration of provider calls, by provider, channel and outcome."),
		metric.WithUnit("s"), callBuckets)
	in.acceptToEnd, _ = m.Float64Histogram("herald.delivery.latency",
		metric.WithDescription("Time from acceptance to a sent delivery, by priority and channel."),
		metric.WithUnit("s"),
		metric.WithExplicitBucketBoundaries(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300))
	in.circuit, _ = m.Int64Counter("herald.provider.circuit.transitions",
		metric.WithDescription("Circuit breaker state changes, by provider and new state (open, half-open, closed)."),
		metric.WithUnit("{transition}"))
	in.failovers, _ = m.Int64Counter("herald.provider.failovers",
		metric.WithDescription("Deliveries handed from one provider to the next, by channel, from, to and why."),
		metric.WithUnit("{failover}"))
	in.slotWaits, _ = m.Int64Counter("herald.provider.rate_limit.waits",
		metric.WithDescription("Deliveries snoozed until their provider's next send slot, by provider."),
		metric.WithUnit("{delivery}"))
	in.tokensGone, _ = m.Int64Counter("herald.push.tokens_removed",
		metric.WithDescription("Push tokens removed because the provider called them invalid, by provider."),
		metric.WithUnit("{token}"))
	in.suppressed, _ = m.Int64Counter("herald.suppressions.added",
		metric.WithDescription("Addresses put on a suppression list because a provider refused them as invalid, by channel and reason."),
		metric.WithUnit("{address}"))
	in.statusWebhooks, _ = m.Int64Counter("herald.status_webhooks",
		metric.WithDescription("Status webhook POSTs to tenants' endpoints, by outcome (sent, failed)."),
		metric.WithUnit("{request}"))
	in.statusWebhookDur, _ = m.Float64Histogram("herald.status_webhook.duration",
		metric.WithDescription("Duration of status webhook POSTs, by outcome."),
		metric.WithUnit("s"), callBuckets)
	in.pruned, _ = m.Int64Counter("herald.retention.deleted",
		metric.WithDescription("Rows retention deleted, by table."),
		metric.WithUnit("{row}"))
	return in
}

// countDecision counts a delivery that fan-out ended (suppressed, expired,
// failed to render) before any provider saw it.
func (in *instruments) countDecision(ctx context.Context, m *pipeline.Message) {
	if m.Active() {
		return
	}
	in.countDelivery(ctx, m.Channel, "", m.Variant, m.Status, m.Reason)
}

func (in *instruments) countDelivery(ctx context.Context, c store.Channel, provider, variant string, s store.DeliveryStatus, reason string) {
	in.deliveries.Add(ctx, 1, metric.WithAttributes(
		attribute.String("channel", string(c)),
		attribute.String("provider", provider),
		attribute.String("variant", variant),
		attribute.String("status", string(s)),
		attribute.String("reason", reason),
	))
}

// countOutcome counts a recorded outcome of del once it is final, and the
// time from acceptance to now when it was sent.
func (in *instruments) countOutcome(ctx context.Context, now time.Time, del *store.Delivery, u store.DeliveryUpdate) {
	if u.Status.Pending() {
		return
	}
	in.countDelivery(ctx, del.Channel, u.Provider, del.Variant, u.Status, u.Reason)
	if u.Status == store.DeliverySent {
		in.acceptToEnd.Record(ctx, now.Sub(del.DueAt).Seconds(), metric.WithAttributes(
			attribute.String("priority", string(del.Priority)), attribute.String("channel", string(del.Channel))))
	}
}
