package pipeline

import (
	"context"
	"fmt"

	"github.com/heraldhq/herald/flags"
	"github.com/heraldhq/herald/store"
)

// ReasonNotInRollout is recorded for recipients a staged rollout leaves
// out.
const ReasonNotInRollout = "not_in_rollout"

// Event types of the flag layers.
const (
	EventRollout = "rollout"
	EventVariant = "variant"
)

// Target returns what the flags evaluate for m.
func (b *Batch) Target(m *Message, provider string) flags.Target {
	mt := b.MessageTypeOf(m)
	return flags.Target{
		RecipientID: m.RecipientID, Tenant: b.TenantName, MessageType: mt.Key, Version: mt.Version,
		Category: mt.Category, Channel: string(m.Channel), Provider: provider, Priority: string(b.Notification.Priority),
	}
}

// Rollout applies the rollout flag: recipients it leaves out end
// SUPPRESSED with reason not_in_rollout, or — when its variant is
// "previous" — get the message type's previous version, for rollouts of a
// new template version. The flag is evaluated per recipient and channel, so
// a rollout can target either.
type Rollout struct {
	Flags *flags.Flags
}

// Name implements Layer.
func (Rollout) Name() string { return "rollout" }

// Process implements Layer.
func (l Rollout) Process(ctx context.Context, b *Batch) error {
	if l.Flags == nil {
		return nil
	}
	for _, m := range b.Active() {
		r := l.Flags.Bool(ctx, flags.Rollout, true, b.Target(m, ""))
		if r.Value {
			continue
		}
		details := r.Details(flags.Rollout)
		if r.Variant == flags.VariantPrevious && b.MessageType.Version > 1 {
			prev, err := b.previousVersion(ctx)
			if err != nil {
				return err
			}
			m.MessageType = prev
			m.Note(EventRollout, fmt.Sprintf("not in the rollout of version %d: gets version %d", b.MessageType.Version, prev.Version), details)
			continue
		}
		m.Drop(store.DeliverySuppressed, ReasonNotInRollout, "left out of the staged rollout", details)
	}
	return nil
}

// Variant picks each recipient's A/B template variant with the
// template-variant flag. A variant the message type does not define is
// noted and the default templates are used.
type Variant struct {
	Flags *flags.Flags
}

// Name implements Layer.
func (Variant) Name() string { return "variant" }

// Process implements Layer.
func (l Variant) Process(ctx context.Context, b *Batch) error {
	if l.Flags == nil {
		return nil
	}
	for _, m := range b.Active() {
		mt := b.MessageTypeOf(m)
		if len(mt.Variants) == 0 {
			continue
		}
		r := l.Flags.String(ctx, flags.TemplateVariant, "", b.Target(m, ""))
		if r.Value == "" {
			continue
		}
		if _, ok := mt.Variants[r.Value]; !ok {
			m.Note(EventVariant, fmt.Sprintf("variant %q is not defined by the message type: default templates", r.Value), r.Details(flags.TemplateVariant))
			continue
		}
		m.Variant = r.Value
	}
	return nil
}

// previousVersion loads the version before the batch's message type, once.
func (b *Batch) previousVersion(ctx context.Context) (*store.MessageType, error) {
	if b.previous == nil {
		mt := b.MessageType
		prev, err := b.DB.GetMessageType(ctx, mt.TenantID, mt.Key, mt.Version-1)
		if err != nil {
			return nil, err
		}
		b.previous = prev
	}
	return b.previous, nil
}
