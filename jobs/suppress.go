package jobs

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/heraldhq/herald/store"
)

// suppressAddress puts the address of a delivery the provider refused as
// invalid (providers.Error.Suppress: a number that is no mobile number) on
// the tenant's suppression list, and returns the event that says so (nil
// if it was listed already).
func (d *sender) suppressAddress(ctx context.Context, del *store.Delivery, o *outcome) (*store.Event, error) {
	if (del.Channel != store.ChannelEmail && del.Channel != store.ChannelSMS) || o.to == "" {
		return nil, nil
	}
	entry, added, err := d.w.opts.Store.AddSuppression(ctx, &store.Suppression{
		TenantID: del.TenantID, Channel: del.Channel, Address: o.to, Reason: store.ReasonBounced, DeliveryID: &del.ID,
		Provider: o.provider.Name(), Details: map[string]any{"code": o.err.Code},
	})
	if err != nil || !added {
		return nil, err
	}
	ev := event(del, store.EventSuppressionAdded, store.DeliverySending, store.ReasonBounced,
		"the provider reported the address invalid ("+o.err.Code+"): no more sends to it")
	ev.Provider = o.provider.Name()
	ev.Details = map[string]any{"address": entry.Address, "code": o.err.Code}
	d.w.metrics.suppressed.Add(ctx, 1, metric.WithAttributes(attribute.String("channel", string(del.Channel)),
		attribute.String("reason", store.ReasonBounced)))
	return &ev, nil
}
