package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/heraldhq/herald/flags"
	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/store"
)

// Default returns Herald's standard layers in order. Dedupe runs before
// the rate limit so that a duplicate never spends a slot of the limit. f may
// be nil: no flag layers then. Its tracking layer has no public URL: give
// it one with Replace(NewTrack(url)).
func Default(r *render.Renderer, f *flags.Flags) *Pipeline {
	return New(Expiration{}, LoadRecipients{}, SelectChannels{}, Suppress{}, Preferences{}, Rollout{Flags: f}, Digest{},
		Dedupe{}, RateLimit{}, Variant{Flags: f}, Render{Renderer: r}, NewTrack(""))
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
	var recipients map[string]*store.Recipient
	if b.preloaded != nil {
		recipients = b.preloaded.Recipients
	} else {
		var err error
		if recipients, err = b.DB.GetRecipients(ctx, b.Notification.TenantID, recipientIDs(active)); err != nil {
			return err
		}
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
		var locale string
		if m.Recipient != nil {
			locale = m.Recipient.Locale
		}
		mt := b.MessageTypeOf(m)
		templates, used := TemplatesFor(mt, m.Channel, locale, m.Variant)
		if b.Notification.Digest && mt.DigestTemplates != nil {
			templates, used = *mt.DigestTemplates, ""
		}
		c, err := l.Renderer.Render(m.Channel, templates, TemplateData(data, m.Recipient), b.Notification.Data)
		if err != nil {
			var rerr *render.Error
			if !errors.As(err, &rerr) && !errors.Is(err, render.ErrNoTemplate) {
				return err
			}
			m.Drop(store.DeliveryFailed, store.ReasonRenderError, err.Error(), nil)
			continue
		}
		m.Content = c
		details := map[string]any{"messageTypeVersion": mt.Version}
		if used != "" {
			details["locale"] = used
		}
		if m.Variant != "" {
			details["variant"] = m.Variant
		}
		m.Note(store.EventRendered, "", details)
	}
	return nil
}

// TemplatesFor returns the templates mt renders channel c with: the A/B
// variant's if it has one for c, else the most specific locale variant that
// has one ("fr-CA", then "fr"), else the default templates. It also returns
// the locale variant used, "" for none.
func TemplatesFor(mt *store.MessageType, c store.Channel, locale, variant string) (store.Templates, string) {
	if t, ok := mt.Variants[variant]; ok && hasTemplate(t, c) {
		return t, ""
	}
	for l := locale; l != ""; l = parentLocale(l) {
		for key, t := range mt.Locales {
			if strings.EqualFold(key, l) && hasTemplate(t, c) {
				return t, key
			}
		}
	}
	return mt.Templates, ""
}

func hasTemplate(t store.Templates, c store.Channel) bool {
	fields, err := render.Fields("", c, t)
	return err == nil && len(fields) > 0
}

// parentLocale drops the last subtag: "zh-Hant-TW" -> "zh-Hant" -> "zh" -> "".
func parentLocale(l string) string {
	if i := strings.LastIndexByte(l, '-'); i > 0 {
		return l[:i]
	}
	return ""
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
