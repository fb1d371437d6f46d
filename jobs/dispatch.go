package jobs

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/riverqueue/river"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"

	"github.com/heraldhq/herald/flags"
	"github.com/heraldhq/herald/providers"
	"github.com/heraldhq/herald/store"
)

// target is one address of a delivery: the recipient's address on the
// channel, or one of its push tokens.
type target struct {
	to       string
	platform string
}

// outcome is what became of one target in one run.
type outcome struct {
	target
	provider providers.Provider
	// skipped names the providers passed over, and why.
	skipped map[string]string
	called  bool
	res     *providers.Result
	err     *providers.Error
	latency time.Duration
	// wait is how long until a provider is usable again, when every
	// provider's circuit was open.
	wait time.Duration
}

// Why a provider is passed over.
const (
	skipCircuitOpen = "circuit_open"
	skipBudgetUsed  = "failover_budget_used"
	skipRefused     = "provider_fault"
)

// dispatch sends a claimed delivery through its channel's providers: it
// picks a provider per target (primary first, passing over providers whose
// circuit is open or whose share of transient failures is used up), takes
// send slots of rate-limited providers (snoozing until a slot if none is
// free now), makes the calls, then settles the outcome.
func (d *sender) dispatch(ctx context.Context, del *store.Delivery, tenant *store.Tenant, chain []providers.Provider) error {
	w := d.w
	chain, pre, killed := d.gateChain(ctx, del, tenant, chain)
	if killed != nil {
		return d.hold(ctx, del, true, "the kill switch is on for every provider of "+string(del.Channel), killed.Details(flags.KillSwitch))
	}
	targets, err := d.targets(ctx, del)
	if err != nil {
		return err
	}
	if len(targets) == 0 {
		msg := "recipient has no push tokens left"
		return d.finish(ctx, del, store.DeliveryUpdate{Status: store.DeliveryFailed, Reason: store.ReasonNoAddress, LastError: msg},
			event(del, store.EventFailed, store.DeliveryFailed, store.ReasonNoAddress, msg))
	}
	failures := map[string]store.ProviderFailures{}
	if del.Attempts > 0 {
		if failures, err = w.opts.Store.FailuresByProvider(ctx, del.ID); err != nil {
			return err
		}
	}

	outs := make([]*outcome, len(targets))
	for i, tg := range targets {
		o := &outcome{target: tg}
		outs[i] = o
		cands := serving(chain, tg.platform)
		if len(cands) == 0 {
			o.err = providers.Permanentf("no %s provider is configured for %s tokens", del.Channel, tg.platform)
			continue
		}
		o.provider, o.skipped, o.wait = w.pick(cands, failures)
		switch {
		case o.provider == nil && o.wait == 0:
			o.err = &providers.Error{Class: providers.Permanent, ProviderFault: true,
				Err: errors.New("every provider of the channel refused Herald's credentials")}
		case o.provider != nil && o.skipped[cands[0].Name()] == skipCircuitOpen:
			pre = append(pre, failoverEvent(del, cands[0].Name(), o.provider.Name(), skipCircuitOpen,
				cands[0].Name()+"'s circuit is open"))
			d.countFailover(ctx, del, cands[0].Name(), o.provider.Name(), skipCircuitOpen)
		}
	}

	// Dark launch stops here: every decision made, nothing sent, no send
	// slot spent. It is evaluated for the provider of the first target.
	for _, o := range outs {
		if o.provider == nil {
			continue
		}
		if dark, details := d.darkLaunched(ctx, del, tenant, o.provider.Name()); dark {
			return d.finishDark(ctx, del, o.provider.Name(), details, pre)
		}
		break
	}

	if wait, limited, err := d.takeSlots(ctx, del, outs); err != nil {
		return err
	} else if wait > 0 {
		return d.waitForSlot(ctx, del, limited, wait, pre)
	}

	base := d.message(del, tenant)
	// A push delivery calls one provider per device, at once, so that the
	// run stays within one provider timeout.
	var wg sync.WaitGroup
	for _, o := range outs {
		if o.provider != nil {
			wg.Go(func() { d.call(ctx, base, o) })
		}
	}
	wg.Wait()
	return d.settle(ctx, del, chain, failures, outs, pre)
}

// call sends base to o's target through o's provider and its breaker.
func (d *sender) call(ctx context.Context, base *providers.Message, o *outcome) {
	w := d.w
	m := *base
	m.To, m.Platform = o.to, o.platform
	ctx, span := w.tracer.Start(ctx, "herald.provider.send", trace.WithSpanKind(trace.SpanKindClient), trace.WithAttributes(
		attribute.String("herald.provider", o.provider.Name()), attribute.String("herald.delivery.id", m.DeliveryID)))
	defer span.End()
	callCtx, cancel := context.WithTimeout(ctx, w.opts.ProviderTimeout)
	defer cancel()
	start := time.Now()
	res, err := w.breakers.call(o.provider.Name(), func() (*providers.Result, error) { return o.provider.Send(callCtx, &m) })
	o.latency = time.Since(start)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, providers.Classify(err).Class.String())
	} else if res != nil && res.StatusCode > 0 {
		span.SetAttributes(attribute.Int("http.response.status_code", res.StatusCode))
	}
	if err != nil && errCircuitOpen(err) {
		// Opened by another worker since we picked: no call was made.
		_, o.wait = w.breakers.open(o.provider.Name())
		o.wait = max(o.wait, time.Second)
		return
	}
	o.called, o.res = true, res
	if err != nil {
		o.err = providers.Classify(err)
	}
}

// serving returns the providers of chain that serve platform, in order.
func serving(chain []providers.Provider, platform string) []providers.Provider {
	out := make([]providers.Provider, 0, len(chain))
	for _, p := range chain {
		if providers.Serves(p, platform) {
			out = append(out, p)
		}
	}
	return out
}

// pick chooses the provider to try: the first that has not refused our
// credentials, whose circuit is closed and that has failures left before
// failover (the last provider has no such limit). If only exhausted
// providers remain usable, the least failed of them is tried. It returns
// nil and how long to wait when every usable provider's circuit is open,
// and nil and zero when every provider refused our credentials.
func (w *worker) pick(cands []providers.Provider, failures map[string]store.ProviderFailures) (providers.Provider, map[string]string, time.Duration) {
	skipped := map[string]string{}
	var (
		wait      time.Duration
		exhausted providers.Provider
	)
	for i, p := range cands {
		name := p.Name()
		f := failures[name]
		if f.Fault {
			skipped[name] = skipRefused
			continue
		}
		if open, left := w.breakers.open(name); open {
			skipped[name] = skipCircuitOpen
			if wait == 0 || left < wait {
				wait = left
			}
			continue
		}
		if i < len(cands)-1 && f.Transient >= w.opts.FailoverAfter {
			skipped[name] = skipBudgetUsed
			if exhausted == nil || f.Transient < failures[exhausted.Name()].Transient {
				exhausted = p
			}
			continue
		}
		return p, skipped, 0
	}
	if exhausted != nil {
		delete(skipped, exhausted.Name())
		return exhausted, skipped, 0
	}
	return nil, skipped, wait
}

// takeSlots takes a send slot of every rate-limited provider about to be
// called. It returns the longest wait and the provider that imposes it.
func (d *sender) takeSlots(ctx context.Context, del *store.Delivery, outs []*outcome) (time.Duration, string, error) {
	calls := map[string]int{}
	for _, o := range outs {
		if o.provider != nil {
			calls[o.provider.Name()]++
		}
	}
	var (
		longest time.Duration
		limited string
	)
	for name, n := range calls {
		rate, ok := d.w.opts.Providers.RateLimit(name)
		if !ok {
			continue
		}
		slot, err := d.w.opts.Store.TakeSendSlot(ctx, name, del.ID, rate.Interval()*time.Duration(n))
		if err != nil {
			return 0, "", err
		}
		if slot.Wait > longest {
			longest, limited = slot.Wait, name
		}
	}
	return longest, limited, nil
}

// waitForSlot snoozes the delivery until its send slot. No provider was
// called, so no attempt is counted.
func (d *sender) waitForSlot(ctx context.Context, del *store.Delivery, provider string, wait time.Duration, pre []store.Event) error {
	rate, _ := d.w.opts.Providers.RateLimit(provider)
	next := d.w.opts.Now().Add(wait)
	ev := event(del, store.EventThrottled, store.DeliverySending, providers.Throttled.String(),
		fmt.Sprintf("waiting for a send slot of %s (limit %s)", provider, rate))
	ev.Provider = provider
	ev.Details = map[string]any{"nextAttemptTime": next.UTC().Format(time.RFC3339Nano), "limit": rate.String()}
	d.w.metrics.slotWaits.Add(ctx, 1, metric.WithAttributes(attribute.String("provider", provider)))
	err := d.record(ctx, store.DeliveryUpdate{ID: del.ID, Status: store.DeliverySending, Reason: ev.Reason,
		Provider: provider, LastError: del.LastError, ScheduledAt: &next}, del, append(pre, ev)...)
	if err != nil {
		return err
	}
	return river.JobSnooze(wait)
}

// settle records what the run's calls came to: sent if any target was
// accepted; otherwise a retry (on the same provider after backoff or
// Retry-After, or at once on the next provider) while attempts remain and
// a retry can help; otherwise failed. Push tokens the provider called
// invalid are removed from the recipient either way.
func (d *sender) settle(ctx context.Context, del *store.Delivery, chain []providers.Provider,
	failures map[string]store.ProviderFailures, outs []*outcome, events []store.Event) error {
	w := d.w
	attempt := del.Attempts + 1
	called := false
	var sent *outcome
	for _, o := range outs {
		if !o.called {
			continue
		}
		called = true
		events = append(events, d.attemptEvent(ctx, del, attempt, o))
		if o.err == nil && sent == nil {
			sent = o
		}
	}
	failed := 0
	for _, o := range outs {
		if o.err == nil {
			continue
		}
		failed++
		if o.err.BadAddress && del.Channel == store.ChannelPush {
			ev, err := d.removeToken(ctx, del, o)
			if err != nil {
				return err
			}
			if ev != nil {
				events = append(events, *ev)
			}
		}
		if o.err.Suppress {
			ev, err := d.suppressAddress(ctx, del, o)
			if err != nil {
				return err
			}
			if ev != nil {
				events = append(events, *ev)
			}
		}
	}

	if sent != nil {
		ev := event(del, store.EventSent, store.DeliverySent, "", "")
		ev.Provider = sent.provider.Name()
		ev.Details = map[string]any{}
		if sent.res != nil && sent.res.MessageID != "" {
			ev.Details["providerMessageId"] = sent.res.MessageID
		}
		if len(outs) > 1 {
			ev.Details["targets"], ev.Details["failedTargets"] = len(outs), failed
		}
		return d.finish(ctx, del, store.DeliveryUpdate{Status: store.DeliverySent, Provider: sent.provider.Name(), Attempted: true},
			append(events, ev)...)
	}

	// Nothing went. Work out, per failed target, whether and how to retry.
	after := make(map[string]store.ProviderFailures, len(failures))
	for k, v := range failures {
		after[k] = v
	}
	for _, o := range outs {
		if o.called && o.err != nil {
			f := after[o.provider.Name()]
			if o.err.Class == providers.Transient {
				f.Transient++
			}
			f.Fault = f.Fault || o.err.ProviderFault
			after[o.provider.Name()] = f
		}
	}
	var (
		retry     bool
		wait      time.Duration
		last      *outcome
		lastProv  string
		msgs      []string
		failovers []store.Event
	)
	for _, o := range outs {
		last = o
		if o.err != nil {
			msgs = append(msgs, o.err.Error())
		}
		if o.provider != nil {
			lastProv = o.provider.Name()
		}
		if !o.called {
			if o.wait > 0 { // every circuit open: wait, no attempt spent
				retry, wait = true, max(wait, o.wait)
			}
			continue
		}
		if o.err.Class == providers.Permanent && !o.err.ProviderFault {
			continue
		}
		next, _, nextWait := w.pick(serving(chain, o.platform), after)
		switch {
		case next != nil && next.Name() != o.provider.Name():
			why := "transient"
			if o.err.ProviderFault {
				why = skipRefused
			}
			failovers = append(failovers, failoverEvent(del, o.provider.Name(), next.Name(), why,
				fmt.Sprintf("%s failed (%s); trying %s", o.provider.Name(), o.err.Class, next.Name())))
			retry = true // at once
		case next == nil && nextWait > 0:
			retry, wait = true, max(wait, nextWait)
		case next == nil || o.err.ProviderFault:
			// every provider refused our credentials
		case o.err.Class == providers.Throttled:
			retry = true
			wait = max(wait, cmpOr(o.err.RetryAfter, w.opts.Retry.Backoff(attempt)))
		default:
			retry = true
			wait = max(wait, cmpOr(o.err.RetryAfter, w.opts.Retry.Backoff(attempt)))
		}
	}
	lastErr := strings.Join(msgs, "; ")
	reason := providers.Permanent.String()
	if last.err != nil {
		reason = last.err.Class.String()
	}
	if !called && retry {
		reason = providers.Transient.String()
	}
	if !retry || (called && attempt >= w.maxAttemptsFor(ctx, del)) {
		ev := event(del, store.EventFailed, store.DeliveryFailed, reason, lastErr)
		ev.Provider = lastProv
		return d.finish(ctx, del, store.DeliveryUpdate{Status: store.DeliveryFailed, Reason: reason, Provider: lastProv,
			LastError: lastErr, Attempted: called}, append(events, ev)...)
	}

	for _, fo := range failovers {
		d.countFailover(ctx, del, fo.Details["from"].(string), fo.Provider, fo.Details["why"].(string))
	}
	events = append(events, failovers...)
	next := w.opts.Now().Add(wait)
	var ev store.Event
	switch {
	case !called:
		ev = event(del, store.EventRetrying, store.DeliverySending, reason, "every provider's circuit is open")
	case reason == providers.Throttled.String():
		ev = event(del, store.EventThrottled, store.DeliverySending, reason, "provider asked to slow down")
	default:
		ev = event(del, store.EventRetrying, store.DeliverySending, reason, "will retry")
	}
	ev.Provider, ev.Details = lastProv, map[string]any{"nextAttemptTime": next.UTC().Format(time.RFC3339Nano)}
	err := d.record(ctx, store.DeliveryUpdate{ID: del.ID, Status: store.DeliverySending, Reason: reason, Provider: lastProv,
		LastError: lastErr, ScheduledAt: &next, Attempted: called}, del, append(events, ev)...)
	if err != nil {
		return err
	}
	// Snoozing keeps River's attempt count for Herald's own failures; the
	// provider-call budget is counted on the delivery.
	return river.JobSnooze(wait)
}

func cmpOr(a, b time.Duration) time.Duration {
	if a > 0 {
		return a
	}
	return b
}

// attemptEvent records one provider call and counts it.
func (d *sender) attemptEvent(ctx context.Context, del *store.Delivery, attempt int, o *outcome) store.Event {
	ev := event(del, store.EventAttempt, store.DeliverySending, "", "")
	ev.Attempt, ev.Provider, ev.Latency = attempt, o.provider.Name(), o.latency
	details := map[string]any{}
	if len(o.skipped) > 0 {
		details["skipped"] = o.skipped
	}
	if o.platform != "" {
		details["platform"], details["token"] = o.platform, tokenHint(o.to)
	}
	outcome := "sent"
	if o.err == nil {
		ev.ResponseCode = o.res.StatusCode
	} else {
		outcome = o.err.Class.String()
		ev.ResponseCode, ev.Message, ev.Reason = o.err.StatusCode, o.err.Error(), outcome
		if o.err.Code != "" {
			details["code"] = o.err.Code
		}
		if o.err.ProviderFault {
			details["providerFault"] = true
		}
		if o.err.RetryAfter > 0 {
			details["retryAfter"] = o.err.RetryAfter.String()
		}
	}
	if len(details) > 0 {
		ev.Details = details
	}
	d.w.metrics.providerDur.Record(ctx, o.latency.Seconds(), metric.WithAttributes(
		attribute.String("provider", o.provider.Name()), attribute.String("channel", string(del.Channel)),
		attribute.String("outcome", outcome)))
	return ev
}

// removeToken removes a push token the provider called invalid, and
// returns the event that says so (nil if it was already gone).
func (d *sender) removeToken(ctx context.Context, del *store.Delivery, o *outcome) (*store.Event, error) {
	removed, err := d.w.opts.Store.RemovePushToken(ctx, del.TenantID, del.RecipientID, o.to)
	if err != nil || !removed {
		return nil, err
	}
	ev := event(del, store.EventTokenRemoved, store.DeliverySending, "", "the provider reported the push token invalid: "+o.err.Code)
	ev.Provider = o.provider.Name()
	ev.Details = map[string]any{"platform": o.platform, "token": tokenHint(o.to), "code": o.err.Code}
	d.w.metrics.tokensGone.Add(ctx, 1, metric.WithAttributes(attribute.String("provider", o.provider.Name())))
	return &ev, nil
}

func (d *sender) countFailover(ctx context.Context, del *store.Delivery, from, to, why string) {
	d.w.metrics.failovers.Add(ctx, 1, metric.WithAttributes(attribute.String("channel", string(del.Channel)),
		attribute.String("from", from), attribute.String("to", to), attribute.String("why", why)))
}

func failoverEvent(del *store.Delivery, from, to, why, msg string) store.Event {
	ev := event(del, store.EventFailover, store.DeliverySending, "", msg)
	ev.Provider = to
	ev.Details = map[string]any{"from": from, "to": to, "why": why}
	return ev
}

// tokenHint shows enough of a push token to tell devices apart in the
// timeline without copying the whole token around.
func tokenHint(token string) string {
	if len(token) <= 8 {
		return token
	}
	return "…" + token[len(token)-8:]
}

// targets returns where a delivery goes: its address, or for push every
// token the recipient has now.
func (d *sender) targets(ctx context.Context, del *store.Delivery) ([]target, error) {
	if del.Channel != store.ChannelPush {
		return []target{{to: del.Address}}, nil
	}
	r, err := d.w.opts.Store.GetRecipient(ctx, del.TenantID, del.RecipientID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := make([]target, 0, len(r.PushTokens))
	for _, t := range r.PushTokens {
		out = append(out, target{to: t.Token, platform: t.Platform})
	}
	return out, nil
}
