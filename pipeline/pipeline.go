// Package pipeline decides, for one batch of a notification's recipients,
// which deliveries to make and what they say.
//
// A pipeline is a list of layers run in order over a Batch (the Whatnot
// design): expiration, recipient loading, channel selection, rendering, and
// whatever layers later features or users add. A layer that drops, delays or
// changes a message records why on it; those records become the delivery's
// event timeline, the decision log.
package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/heraldhq/herald/store"
)

// Layer is one step of the pipeline.
type Layer interface {
	// Name identifies the layer in traces, metrics and the decision log.
	Name() string
	// Process looks at b's active messages and may drop, delay or change
	// them. An error fails the whole batch, which is then retried.
	Process(ctx context.Context, b *Batch) error
}

// Pipeline runs layers in order.
type Pipeline struct {
	layers []Layer
}

// New returns a pipeline of layers, run in the given order.
func New(layers ...Layer) *Pipeline {
	return &Pipeline{layers: layers}
}

// Layers returns the pipeline's layers in order.
func (p *Pipeline) Layers() []Layer { return slices.Clone(p.layers) }

// Insert returns a copy of p with layer inserted before the layer named
// before, or appended if there is none.
func (p *Pipeline) Insert(before string, layer Layer) *Pipeline {
	layers := p.Layers()
	i := slices.IndexFunc(layers, func(l Layer) bool { return l.Name() == before })
	if i < 0 {
		return New(append(layers, layer)...)
	}
	return New(slices.Insert(layers, i, layer)...)
}

// Replace returns a copy of p with the layer of layer's name replaced by
// it, or appended if there is none (a configured tracking layer, say).
func (p *Pipeline) Replace(layer Layer) *Pipeline {
	layers := p.Layers()
	if i := slices.IndexFunc(layers, func(l Layer) bool { return l.Name() == layer.Name() }); i >= 0 {
		layers[i] = layer
		return New(layers...)
	}
	return New(append(layers, layer)...)
}

// Run runs every layer over b, stopping at the first error.
func (p *Pipeline) Run(ctx context.Context, b *Batch) error {
	for _, l := range p.layers {
		if err := l.Process(ctx, b); err != nil {
			return fmt.Errorf("pipeline: %s: %w", l.Name(), err)
		}
	}
	return nil
}

// Batch is a chunk of one notification's recipients on their way through the
// pipeline.
type Batch struct {
	// Now is the time decisions are made at.
	Now          time.Time
	Notification *store.Notification
	MessageType  *store.MessageType
	// DB runs queries inside the fan-out transaction.
	DB *store.Queries
	// TenantName is the tenant's name, for flag targeting.
	TenantName string
	// Messages are the candidate deliveries: every recipient of the chunk on
	// every channel of the message type, in that order.
	Messages []*Message
	// Digested lists the recipients whose messages went into their digest;
	// fan-out stores one digest item for each.
	Digested []*store.Recipient

	data     map[string]any
	prefs    map[string]*store.Preferences
	defaults *store.Preferences
	previous *store.MessageType
	// preloaded holds recipients read for several batches at once.
	preloaded *Preloaded
}

// Preloaded is what a caller fanning out several notifications of one
// tenant read in one go: their recipients and preferences. A batch given it
// reads nothing of those itself.
type Preloaded struct {
	Recipients  map[string]*store.Recipient
	Preferences map[string]*store.Preferences
	Defaults    *store.Preferences
	// suppressions are the listed addresses among the recipients', read
	// by the first batch that needs them.
	suppressions map[store.SuppressionKey]*store.Suppression
}

// Preload makes the batch use p instead of loading recipients and
// preferences.
func (b *Batch) Preload(p *Preloaded) {
	b.preloaded = p
	b.prefs, b.defaults = p.Preferences, p.Defaults
}

// MessageTypeOf returns the message type version m renders: the batch's,
// unless a layer chose another for it (a rollout keeping it on the previous
// version).
func (b *Batch) MessageTypeOf(m *Message) *store.MessageType {
	if m.MessageType != nil {
		return m.MessageType
	}
	return b.MessageType
}

// PreferencesOf returns the preferences a layer loaded for recipient id,
// empty ones if it has none.
func (b *Batch) PreferencesOf(id string) *store.Preferences {
	if p := b.prefs[id]; p != nil {
		return p
	}
	return &store.Preferences{TenantID: b.Notification.TenantID, RecipientID: id}
}

// loadPreferences loads the preferences of ids (and the tenant's defaults)
// once per batch; recipients without any have no entry.
func (b *Batch) loadPreferences(ctx context.Context, ids []string) error {
	if b.prefs != nil || b.preloaded != nil {
		return nil
	}
	prefs, defaults, err := b.DB.GetPreferencesFor(ctx, b.Notification.TenantID, ids)
	if err != nil {
		return err
	}
	b.prefs, b.defaults = prefs, defaults
	return nil
}

// NewBatch returns a batch with one queued message per recipient and
// channel of mt.
func NewBatch(now time.Time, db *store.Queries, n *store.Notification, mt *store.MessageType, recipientIDs []string) *Batch {
	b := &Batch{Now: now, Notification: n, MessageType: mt, DB: db}
	b.Messages = make([]*Message, 0, len(recipientIDs)*len(mt.Channels))
	for _, r := range recipientIDs {
		for _, c := range mt.Channels {
			b.Messages = append(b.Messages, &Message{
				ID:          uuid.Must(uuid.NewV7()),
				RecipientID: r,
				Channel:     c,
				Status:      store.DeliveryQueued,
			})
		}
	}
	return b
}

// Data returns the notification's data, decoded once per batch. Layers must
// not modify it.
func (b *Batch) Data() (map[string]any, error) {
	if b.data != nil {
		return b.data, nil
	}
	b.data = map[string]any{}
	if len(b.Notification.Data) > 0 {
		if err := json.Unmarshal(b.Notification.Data, &b.data); err != nil {
			return nil, fmt.Errorf("pipeline: notification data: %w", err)
		}
	}
	return b.data, nil
}

// Active returns the messages no layer has dropped.
func (b *Batch) Active() []*Message {
	out := make([]*Message, 0, len(b.Messages))
	for _, m := range b.Messages {
		if m.Active() {
			out = append(out, m)
		}
	}
	return out
}

// Message is a candidate delivery: one recipient on one channel.
type Message struct {
	// ID becomes the delivery id.
	ID          uuid.UUID
	RecipientID string
	// Recipient is nil until loaded, and stays nil for unknown recipients.
	Recipient *store.Recipient
	Channel   store.Channel
	// Address is where the channel sends it (email, phone, URL).
	Address string
	// Status is DeliveryQueued until a layer decides otherwise.
	Status store.DeliveryStatus
	Reason string
	// ScheduledAt delays the delivery (quiet hours, send later).
	ScheduledAt *time.Time
	Variant     string
	// MessageType overrides the batch's message type version for this
	// message; nil means the batch's.
	MessageType *store.MessageType
	Content     *store.Content
	// Events is the message's decision log so far.
	Events []Decision
}

// Decision is one entry of a message's decision log.
type Decision struct {
	Type    string
	Status  store.DeliveryStatus
	Reason  string
	Message string
	Details map[string]any
}

// Active reports whether the message is still headed for a provider.
func (m *Message) Active() bool {
	return m.Status == store.DeliveryQueued || m.Status == store.DeliveryScheduled
}

// Drop ends the message in status (suppressed, expired, failed, ...) for
// reason, recording what decided it.
func (m *Message) Drop(status store.DeliveryStatus, reason, message string, details map[string]any) {
	m.Status, m.Reason = status, reason
	m.record(eventFor(status), reason, message, details)
}

// Delay schedules the message for until, recording why.
func (m *Message) Delay(until time.Time, reason, message string, details map[string]any) {
	if m.ScheduledAt != nil && m.ScheduledAt.After(until) {
		until = *m.ScheduledAt
	}
	m.Status, m.ScheduledAt = store.DeliveryScheduled, &until
	if details == nil {
		details = map[string]any{}
	}
	details["until"] = until.UTC().Format(time.RFC3339)
	m.record(store.EventScheduled, reason, message, details)
}

// Note records an event that does not change the message's status.
func (m *Message) Note(eventType, message string, details map[string]any) {
	m.record(eventType, "", message, details)
}

func (m *Message) record(eventType, reason, message string, details map[string]any) {
	m.Events = append(m.Events, Decision{Type: eventType, Status: m.Status, Reason: reason, Message: message, Details: details})
}

func eventFor(status store.DeliveryStatus) string {
	switch status {
	case store.DeliveryExpired:
		return store.EventExpired
	case store.DeliveryFailed:
		return store.EventFailed
	case store.DeliveryCanceled:
		return store.EventCanceled
	case store.DeliveryDigested:
		return store.EventDigested
	default:
		return store.EventSuppressed
	}
}
