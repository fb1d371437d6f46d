package jobs

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/riverqueue/river"

	"github.com/heraldhq/herald/flags"
	"github.com/heraldhq/herald/providers"
	"github.com/heraldhq/herald/store"
)

// The feature-flag gates of dispatch: a channel kill switch holds a delivery
// before it is even claimed, a provider kill switch takes the provider out
// of the chain, the provider split picks the first provider, and dark launch
// stops right before the provider call.

// argsTarget is the flag target of a job, from its args alone.
func (w *worker) argsTarget(ctx context.Context, a DeliverArgs) (flags.Target, bool) {
	if a.TenantID == uuid.Nil || a.Channel == "" {
		return flags.Target{}, false // a job from before args carried these
	}
	tenant, err := w.tenant(ctx, a.TenantID)
	if err != nil {
		return flags.Target{}, false
	}
	t := flags.Target{RecipientID: a.RecipientID, Tenant: tenant.Name, MessageType: a.MessageType, Version: a.Version,
		Channel: string(a.Channel), Priority: string(a.Priority)}
	if mt, err := w.messageType(ctx, a.TenantID, a.MessageType, a.Version); err == nil {
		t.Category = mt.Category
	}
	return t, true
}

// deliveryTarget is the flag target of a claimed delivery on provider.
func (w *worker) deliveryTarget(ctx context.Context, del *store.Delivery, tenant *store.Tenant, provider string) flags.Target {
	t := flags.Target{RecipientID: del.RecipientID, Tenant: tenant.Name, MessageType: del.MessageType,
		Version: del.MessageTypeVersion, Channel: string(del.Channel), Provider: provider, Priority: string(del.Priority)}
	if mt, err := w.messageType(ctx, del.TenantID, del.MessageType, del.MessageTypeVersion); err == nil {
		t.Category = mt.Category
	}
	return t
}

// channelKilled holds the job's delivery if the kill switch is on for its
// channel, without claiming it. held is true when the job should stop here.
func (d *sender) channelKilled(ctx context.Context, job *river.Job[DeliverArgs]) (held bool, err error) {
	w := d.w
	if w.opts.Flags == nil {
		return false, nil
	}
	t, ok := w.argsTarget(ctx, job.Args)
	if !ok {
		return false, nil
	}
	r := w.opts.Flags.Bool(ctx, flags.KillSwitch, false, t)
	if !r.Value {
		return false, nil
	}
	del, err := w.opts.Store.GetDelivery(ctx, job.Args.DeliveryID)
	if errors.Is(err, store.ErrNotFound) {
		return true, river.JobCancel(err)
	}
	if err != nil {
		return true, err
	}
	if !del.Status.Pending() {
		return true, nil
	}
	return true, d.hold(ctx, del, false, "the kill switch is on for channel "+string(del.Channel), r.Details(flags.KillSwitch))
}

// channelKillSwitch returns the kill switch's answer if it is on for a
// claimed delivery's channel, else nil.
func (d *sender) channelKillSwitch(ctx context.Context, del *store.Delivery, tenant *store.Tenant) *flags.Result[bool] {
	if d.w.opts.Flags == nil {
		return nil
	}
	r := d.w.opts.Flags.Bool(ctx, flags.KillSwitch, false, d.w.deliveryTarget(ctx, del, tenant, ""))
	if !r.Value {
		return nil
	}
	return &r
}

// hold schedules a delivery for another look after the recheck interval:
// it waits, it does not fail. The first hold is recorded; later looks write
// nothing unless the delivery was claimed (the claim must be released).
func (d *sender) hold(ctx context.Context, del *store.Delivery, claimed bool, msg string, details map[string]any) error {
	w := d.w
	wait := jitter(w.opts.KillSwitchRecheck)
	first := del.Reason != store.ReasonKillSwitch
	if first || claimed {
		next := w.opts.Now().Add(wait)
		var events []store.Event
		if first {
			ev := event(del, store.EventHeld, store.DeliveryScheduled, store.ReasonKillSwitch, msg)
			ev.Details = details
			events = append(events, ev)
		}
		err := d.record(ctx, store.DeliveryUpdate{ID: del.ID, Status: store.DeliveryScheduled, Reason: store.ReasonKillSwitch,
			Provider: del.Provider, LastError: del.LastError, ScheduledAt: &next}, del, events...)
		if err != nil {
			return err
		}
	}
	return river.JobSnooze(wait)
}

// gateChain applies the provider flags to a channel's chain: the split's
// provider goes first, killed providers go out. It returns the chain, the
// events to record, and the kill switch's answer if it took every
// provider.
func (d *sender) gateChain(ctx context.Context, del *store.Delivery, tenant *store.Tenant, chain []providers.Provider) ([]providers.Provider, []store.Event, *flags.Result[bool]) {
	f := d.w.opts.Flags
	if f == nil {
		return chain, nil, nil
	}
	var events []store.Event
	split := f.String(ctx, flags.ProviderSplit, "", d.w.deliveryTarget(ctx, del, tenant, ""))
	if i := slices.IndexFunc(chain, func(p providers.Provider) bool { return p.Name() == split.Value }); i > 0 {
		chain = append([]providers.Provider{chain[i]}, slices.Delete(slices.Clone(chain), i, i+1)...)
		ev := event(del, store.EventProviderSplit, store.DeliverySending, "", split.Value+" goes first")
		ev.Provider, ev.Details = split.Value, split.Details(flags.ProviderSplit)
		events = append(events, ev)
	}
	var (
		live   []providers.Provider
		killed *flags.Result[bool]
	)
	for _, p := range chain {
		r := f.Bool(ctx, flags.KillSwitch, false, d.w.deliveryTarget(ctx, del, tenant, p.Name()))
		if r.Value {
			killed = &r
			continue
		}
		live = append(live, p)
	}
	if len(live) == 0 {
		return nil, events, killed
	}
	return live, events, nil
}

// darkLaunched reports whether the dark-launch flag stops del on provider.
func (d *sender) darkLaunched(ctx context.Context, del *store.Delivery, tenant *store.Tenant, provider string) (bool, map[string]any) {
	f := d.w.opts.Flags
	if f == nil {
		return false, nil
	}
	r := f.Bool(ctx, flags.DarkLaunch, false, d.w.deliveryTarget(ctx, del, tenant, provider))
	details := r.Details(flags.DarkLaunch)
	details["provider"] = provider
	return r.Value, details
}

// finishDark ends a delivery DARK_LAUNCHED: everything ran, its rendered
// content stays for inspection, and no provider was called.
func (d *sender) finishDark(ctx context.Context, del *store.Delivery, provider string, details map[string]any, pre []store.Event) error {
	ev := event(del, store.EventDarkLaunched, store.DeliveryDarkLaunched, store.ReasonDarkLaunch,
		"dark launch: stopped right before calling "+provider)
	ev.Provider, ev.Details = provider, details
	return d.finish(ctx, del, store.DeliveryUpdate{Status: store.DeliveryDarkLaunched, Reason: store.ReasonDarkLaunch, Provider: provider},
		append(pre, ev)...)
}

// jitter spreads rechecks over ±20% so held deliveries do not come back in
// lockstep.
func jitter(d time.Duration) time.Duration {
	return d*4/5 + rand.N(d*2/5+1)
}
