package pipeline

import (
	"context"
	"sync"
	"time"

	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/tracking"
)

// Suppress ends deliveries to addresses on the tenant's suppression list
// (email addresses and phone numbers that hard-bounced, were reported
// invalid, or complained) SUPPRESSED, with the entry's reason: bounced or
// complained. It runs for critical message types too: the address cannot
// (or asked not to) receive anything, and sending anyway costs the
// sender's reputation.
type Suppress struct{}

// Name implements Layer.
func (Suppress) Name() string { return "suppression" }

// Process implements Layer.
func (Suppress) Process(ctx context.Context, b *Batch) error {
	var keys []store.SuppressionKey
	for _, m := range b.Active() {
		if k, ok := suppressionKey(m.Channel, m.Address); ok {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	listed, err := b.suppressed(ctx, keys)
	if err != nil {
		return err
	}
	for _, m := range b.Active() {
		k, ok := suppressionKey(m.Channel, m.Address)
		if !ok {
			continue
		}
		s := listed[k]
		if s == nil {
			continue
		}
		details := map[string]any{"address": s.Address, "listTime": s.CreatedAt.UTC().Format(time.RFC3339)}
		if s.DeliveryID != nil {
			details["deliveryId"] = s.DeliveryID.String()
		}
		if s.Provider != "" {
			details["provider"] = s.Provider
		}
		msg := "the address is on the suppression list: it bounced"
		if s.Reason == store.ReasonComplained {
			msg = "the address is on the suppression list: its owner reported a message as spam"
		}
		m.Drop(store.DeliverySuppressed, s.Reason, msg, details)
	}
	return nil
}

func suppressionKey(c store.Channel, address string) (store.SuppressionKey, bool) {
	if (c != store.ChannelEmail && c != store.ChannelSMS) || address == "" {
		return store.SuppressionKey{}, false
	}
	return store.SuppressionKey{Channel: c, Address: store.NormalizeAddress(c, address)}, true
}

// suppressed returns the listed entries among keys. A batch sharing
// preloaded recipients reads the entries of all of them once.
func (b *Batch) suppressed(ctx context.Context, keys []store.SuppressionKey) (map[store.SuppressionKey]*store.Suppression, error) {
	p := b.preloaded
	if p == nil {
		return b.DB.SuppressedAmong(ctx, b.Notification.TenantID, keys)
	}
	if p.suppressions == nil {
		var all []store.SuppressionKey
		for _, r := range p.Recipients {
			if k, ok := suppressionKey(store.ChannelEmail, r.Email); ok {
				all = append(all, k)
			}
			if k, ok := suppressionKey(store.ChannelSMS, r.Phone); ok {
				all = append(all, k)
			}
		}
		listed, err := b.DB.SuppressedAmong(ctx, b.Notification.TenantID, all)
		if err != nil {
			return nil, err
		}
		p.suppressions = listed
	}
	return p.suppressions, nil
}

// Track puts engagement tracking into rendered email of message types
// that ask for it (store.Tracking): an open pixel, and the HTML part's
// links through signed redirects, recording those links on the content
// (the only targets the redirect accepts). The text part keeps its links.
// Without a public URL it tracks nothing and says so in the decision log.
type Track struct {
	// BaseURL is Herald's public URL (HERALD_PUBLIC_URL).
	BaseURL string
	keys    *sync.Map // tenant id -> tracking key; secrets never change
}

// NewTrack returns the tracking layer for Herald at baseURL ("" for none).
func NewTrack(baseURL string) Track { return Track{BaseURL: baseURL, keys: &sync.Map{}} }

// Name implements Layer.
func (Track) Name() string { return "tracking" }

// Process implements Layer.
func (l Track) Process(ctx context.Context, b *Batch) error {
	for _, m := range b.Active() {
		mt := b.MessageTypeOf(m)
		opens, clicks := mt.TracksOpens(), mt.TracksClicks()
		if m.Channel != store.ChannelEmail || m.Content == nil || m.Content.HTML == "" || (!opens && !clicks) {
			continue
		}
		if l.BaseURL == "" {
			m.Note(store.EventTracked, "not tracked: Herald has no public URL (HERALD_PUBLIC_URL) for its tracking links", nil)
			continue
		}
		key, err := l.key(ctx, b)
		if err != nil {
			return err
		}
		id := m.ID.String()
		var click func(string) string
		if clicks {
			click = func(link string) string { return tracking.ClickURL(l.BaseURL, key, id, link) }
		}
		pixel := ""
		if opens {
			pixel = tracking.Pixel(tracking.OpenURL(l.BaseURL, key, id))
		}
		m.Content.HTML, m.Content.Links = tracking.Rewrite(m.Content.HTML, click, pixel)
		m.Note(store.EventTracked, "", map[string]any{"opens": opens, "clicks": clicks, "links": len(m.Content.Links)})
	}
	return nil
}

func (l Track) key(ctx context.Context, b *Batch) ([]byte, error) {
	id := b.Notification.TenantID
	if l.keys != nil {
		if k, ok := l.keys.Load(id); ok {
			return k.([]byte), nil
		}
	}
	t, err := b.DB.GetTenant(ctx, id)
	if err != nil {
		return nil, err
	}
	k := tracking.Key(t.SigningSecret)
	if l.keys != nil {
		l.keys.Store(id, k)
	}
	return k, nil
}
