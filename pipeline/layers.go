package pipeline

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/store"
)

// Default returns Herald's standard layers in order.
func Default(r *render.Renderer) *Pipeline {
	return New(Expiration{}, LoadRecipients{}, SelectChannels{}, Render{Renderer: r})
}

// Expiration drops every message of a notification older than its message
// type's TTL, counted from its send time.
type Expiration struct{}

// Name implements Layer.
func (Expiration) Name() string { return "expiration" }

// Process implements Layer.
func (Expiration) Process(_ context.Context, b *Batch) error {
	deadline, ok := ExpiresAt(b.Notification, b.MessageType)
	if !ok || b.Now.Before(deadline) {
		return nil
	}
	for _, m := range b.Active() {
		m.Drop(store.DeliveryExpired, store.ReasonExpired, "not sent within the message type's ttl",
			map[string]any{"ttl": b.MessageType.TTL.String(), "expireTime": deadline.UTC().Format(time.RFC3339)})
	}
	return nil
}

// ExpiresAt returns when a notification of mt expires, counted from its send
// time (or acceptance), and false if mt has no TTL.
func ExpiresAt(n *store.Notification, mt *store.MessageType) (time.Time, bool) {
	if mt.TTL <= 0 {
		return time.Time{}, false
	}
	start := n.CreatedAt
	if n.SendAt != nil && n.SendAt.After(start) {
		start = *n.SendAt
	}
	return start.Add(mt.TTL), true
}

// LoadRecipients loads the batch's recipients in one query.
type LoadRecipients struct{}

// Name implements Layer.
func (LoadRecipients) Name() string { return "recipients" }

// Process implements Layer.
func (LoadRecipients) Process(ctx context.Context, b *Batch) error {
	active := b.Active()
	if len(active) == 0 {
		return nil
	}
	seen := make(map[string]bool, len(active))
	ids := make([]string, 0, len(active))
	for _, m := range active {
		if !seen[m.RecipientID] {
			seen[m.RecipientID] = true
			ids = append(ids, m.RecipientID)
		}
	}
	recipients, err := b.DB.GetRecipients(ctx, b.Notification.TenantID, ids)
	if err != nil {
		return err
	}
	for _, m := range active {
		m.Recipient = recipients[m.RecipientID]
	}
	return nil
}

// SelectChannels keeps the channels a recipient can receive on and records
// the address each will go to; the others end suppressed with no_address.
type SelectChannels struct{}

// Name implements Layer.
func (SelectChannels) Name() string { return "channels" }

// Process implements Layer.
func (SelectChannels) Process(_ context.Context, b *Batch) error {
	for _, m := range b.Active() {
		if m.Recipient == nil {
			m.Drop(store.DeliverySuppressed, store.ReasonNoAddress, "recipient not found", map[string]any{"recipientId": m.RecipientID})
			continue
		}
		addr, ok := Address(m.Recipient, m.Channel)
		if !ok {
			m.Drop(store.DeliverySuppressed, store.ReasonNoAddress, fmt.Sprintf("recipient has no %s address", m.Channel), nil)
			continue
		}
		m.Address = addr
	}
	return nil
}

// Address returns where channel delivers to r, and false if r has no
// address for it. Push goes to every device token, so its address is empty.
func Address(r *store.Recipient, c store.Channel) (string, bool) {
	switch c {
	case store.ChannelEmail:
		return r.Email, r.Email != ""
	case store.ChannelSMS:
		return r.Phone, r.Phone != ""
	case store.ChannelPush:
		return "", len(r.PushTokens) > 0
	case store.ChannelWebhook:
		return r.WebhookURL, r.WebhookURL != ""
	case store.ChannelSlack:
		return r.SlackWebhookURL, r.SlackWebhookURL != ""
	case store.ChannelInApp:
		return r.ID, true
	}
	return "", false
}

// Render renders each message's channel template with the notification's
// data and the recipient. A template that fails ends the message failed
// with render_error: rendering again would fail again.
type Render struct {
	Renderer *render.Renderer
}

// Name implements Layer.
func (Render) Name() string { return "render" }

// Process implements Layer.
func (l Render) Process(_ context.Context, b *Batch) error {
	data, err := b.Data()
	if err != nil {
		return err
	}
	for _, m := range b.Active() {
		c, err := l.Renderer.Render(m.Channel, b.MessageType.Templates, TemplateData(data, m.Recipient), b.Notification.Data)
		if err != nil {
			var rerr *render.Error
			if !errors.As(err, &rerr) && !errors.Is(err, render.ErrNoTemplate) {
				return err
			}
			m.Drop(store.DeliveryFailed, store.ReasonRenderError, err.Error(), nil)
			continue
		}
		m.Content = c
		details := map[string]any{"messageTypeVersion": b.MessageType.Version}
		if m.Variant != "" {
			details["variant"] = m.Variant
		}
		m.Note(store.EventRendered, "", details)
	}
	return nil
}

// TemplateData is what templates render with: the notification's data,
// plus "recipient" (id, email, phone, locale, timezone, attributes) unless
// the data has its own "recipient" key.
func TemplateData(data map[string]any, r *store.Recipient) map[string]any {
	if r == nil {
		return data
	}
	if _, taken := data["recipient"]; taken {
		return data
	}
	out := make(map[string]any, len(data)+1)
	for k, v := range data {
		out[k] = v
	}
	out["recipient"] = map[string]any{
		"id": r.ID, "email": r.Email, "phone": r.Phone, "locale": r.Locale,
		"timezone": r.Timezone, "attributes": r.Attributes,
	}
	return out
}
