package pipeline

import (
	"context"
	"fmt"

	"github.com/heraldhq/herald/store"
)

// Dedupe suppresses a delivery when another delivery with the same dedupe
// key went to the same recipient on the same channel within the message
// type's dedupe window — even from another notification. The claim is a
// unique row, so concurrent fan-outs cannot both win.
type Dedupe struct{}

// Name implements Layer.
func (Dedupe) Name() string { return "dedupe" }

// Process implements Layer.
func (Dedupe) Process(ctx context.Context, b *Batch) error {
	key := b.Notification.DedupeKey
	active := b.Active()
	if key == "" || len(active) == 0 {
		return nil
	}
	window := b.MessageType.DedupeWindow
	if window <= 0 {
		window = store.DefaultDedupeWindow
	}
	claims := make([]store.DedupeClaim, len(active))
	for i, m := range active {
		claims[i] = store.DedupeClaim{RecipientID: m.RecipientID, Channel: m.Channel, Key: key, DeliveryID: m.ID, ExpiresAt: b.Now.Add(window)}
	}
	holders, err := b.DB.ClaimDedupeKeys(ctx, b.Notification.TenantID, claims, b.Now)
	if err != nil {
		return err
	}
	for _, m := range active {
		if holder := holders[m.ID]; holder != m.ID {
			m.Drop(store.DeliverySuppressed, store.ReasonDeduplicated, "a delivery with the same dedupe key went to this recipient within the window",
				map[string]any{"dedupeKey": key, "window": window.String(), "deliveryId": holder.String()})
		}
	}
	return nil
}

// RateLimit enforces the message type's rate limit per recipient and
// channel over a sliding window: over the limit, a delivery is suppressed
// (rate_limited) or, if the limit says delay, scheduled for when the window
// has room. Each (recipient, scope, channel) is locked for the rest of the
// fan-out transaction, so concurrent workers count one after the other.
type RateLimit struct{}

// Name implements Layer.
func (RateLimit) Name() string { return "rate_limit" }

// Process implements Layer.
func (RateLimit) Process(ctx context.Context, b *Batch) error {
	rl := b.MessageType.RateLimit
	if rl == nil || rl.Count <= 0 || rl.Per <= 0 {
		return nil
	}
	scope := "message_type:" + b.MessageType.Key
	if rl.ByCategory && b.MessageType.Category != "" {
		scope = "category:" + b.MessageType.Category
	}
	byChannel := map[store.Channel][]*Message{}
	for _, m := range b.Active() {
		byChannel[m.Channel] = append(byChannel[m.Channel], m)
	}
	for c, ms := range byChannel {
		if err := rateLimitChannel(ctx, b, rl, store.RateWindow{TenantID: b.Notification.TenantID, Scope: scope, Channel: c}, ms); err != nil {
			return err
		}
	}
	return nil
}

func rateLimitChannel(ctx context.Context, b *Batch, rl *store.RateLimit, w store.RateWindow, ms []*Message) error {
	ids := recipientIDs(ms)
	keys := make([]string, len(ids))
	for i, r := range ids {
		keys[i] = fmt.Sprintf("rate:%s:%s:%s:%s", w.TenantID, w.Scope, w.Channel, r)
	}
	if err := b.DB.LockKeys(ctx, keys); err != nil {
		return err
	}
	since := b.Now.Add(-rl.Per)
	times, err := b.DB.RateLimitTimes(ctx, w, ids, since, rl.Count)
	if err != nil {
		return err
	}
	var entries []store.RateLimitEntry
	for _, m := range ms {
		counted := times[m.RecipientID]
		at := b.Now
		if m.ScheduledAt != nil && m.ScheduledAt.After(at) {
			at = *m.ScheduledAt
		}
		if n := len(counted); n >= rl.Count {
			details := map[string]any{"limit": rl.Count, "per": rl.Per.String(), "scope": w.Scope, "channel": string(w.Channel), "inWindow": n}
			if !rl.Delay {
				m.Drop(store.DeliverySuppressed, store.ReasonRateLimited, "over the message type's rate limit", details)
				continue
			}
			// Wait until the entry that keeps the window full leaves it.
			if free := counted[n-rl.Count].Add(rl.Per); free.After(at) {
				at = free
			}
			m.Delay(at, store.ReasonRateLimited, "held until the rate limit window has room", details)
		}
		times[m.RecipientID] = append(counted, at)
		entries = append(entries, store.RateLimitEntry{RecipientID: m.RecipientID, At: at, DeliveryID: m.ID})
	}
	return b.DB.RecordRateLimited(ctx, w, entries, since)
}
