package pipeline

import (
	"context"
	"fmt"
	"time"

	"github.com/heraldhq/herald/store"
)

// EventBypassed records a preference that would have stopped a critical
// message.
const EventBypassed = "bypassed"

// Preferences applies what recipients chose — opt-outs, mute and quiet hours
// — with the tenant's defaults where a recipient has no rule of their own.
// Critical message types bypass all three; the bypass is recorded.
type Preferences struct{}

// Name implements Layer.
func (Preferences) Name() string { return "preferences" }

// quietChannels are interrupted by quiet hours. Webhooks feed systems, and
// the inbox waits to be read, so neither is held back.
var quietChannels = map[store.Channel]bool{
	store.ChannelEmail: true, store.ChannelSMS: true, store.ChannelPush: true, store.ChannelSlack: true,
}

// Process implements Layer.
func (Preferences) Process(ctx context.Context, b *Batch) error {
	active := b.Active()
	if len(active) == 0 {
		return nil
	}
	if err := b.loadPreferences(ctx, recipientIDs(active)); err != nil {
		return err
	}
	defaults := b.defaults
	mt := b.MessageType
	for _, m := range active {
		own := b.prefs[m.RecipientID]
		if own == nil {
			own = &store.Preferences{}
		}

		if d := Decide(own, defaults, mt, m.Channel); !d.Enabled {
			details := map[string]any{"rule": ruleDetails(d.Rule), "source": d.Source}
			if !mt.Critical {
				m.Drop(store.DeliverySuppressed, store.ReasonOptedOut, fmt.Sprintf("%s turned this off", d.Source), details)
				continue
			}
			m.Note(EventBypassed, "critical message type bypasses the opt-out", details)
		}

		if own.MuteUntil != nil && b.Now.Before(*own.MuteUntil) {
			details := map[string]any{"muteUntil": own.MuteUntil.UTC().Format(time.RFC3339)}
			if !mt.Critical {
				m.Drop(store.DeliverySuppressed, store.ReasonMuted, "recipient muted notifications", details)
				continue
			}
			m.Note(EventBypassed, "critical message type bypasses mute", details)
		}

		start, end, source := own.QuietStart, own.QuietEnd, "recipient"
		if start == "" || end == "" {
			start, end, source = defaults.QuietStart, defaults.QuietEnd, "tenant default"
		}
		if !quietChannels[m.Channel] || start == "" || end == "" {
			continue
		}
		loc := Location(m.Recipient)
		until, quiet := QuietUntil(b.Now, loc, start, end)
		if !quiet {
			continue
		}
		details := map[string]any{"quietHours": map[string]any{"start": start, "end": end}, "timezone": loc.String(), "source": source}
		if mt.Critical {
			m.Note(EventBypassed, "critical message type bypasses quiet hours", details)
			continue
		}
		m.Delay(until, store.ReasonQuietHours, "held until the end of quiet hours", details)
	}
	return nil
}

// Verdict is what the preference rules say about one message type on one
// channel.
type Verdict struct {
	Enabled bool
	// Rule is the rule that decided, nil when none matched (enabled).
	Rule *store.PreferenceRule
	// Source is "recipient" or "tenant default" (or "" with no rule).
	Source string
}

// Decide applies the most specific matching rule: the recipient's rules
// first, the tenant's defaults only when none of the recipient's match.
// With no matching rule at all, the channel is on.
func Decide(own, defaults *store.Preferences, mt *store.MessageType, c store.Channel) Verdict {
	if r := mostSpecific(own.Rules, mt, c); r != nil {
		return Verdict{Enabled: r.Enabled, Rule: r, Source: "recipient"}
	}
	if defaults != nil {
		if r := mostSpecific(defaults.Rules, mt, c); r != nil {
			return Verdict{Enabled: r.Enabled, Rule: r, Source: "tenant default"}
		}
	}
	return Verdict{Enabled: true}
}

// mostSpecific returns the matching rule that names the most: message type
// over category over global, then a channel over every channel. Among equals
// the later rule wins.
func mostSpecific(rules []store.PreferenceRule, mt *store.MessageType, c store.Channel) *store.PreferenceRule {
	var (
		best      *store.PreferenceRule
		bestScore = -1
	)
	for i := range rules {
		r := &rules[i]
		if (r.MessageType != "" && r.MessageType != mt.Key) ||
			(r.Category != "" && r.Category != mt.Category) ||
			(r.Channel != "" && r.Channel != c) {
			continue
		}
		score := 0
		switch {
		case r.MessageType != "":
			score = 4
		case r.Category != "":
			score = 2
		}
		if r.Channel != "" {
			score++
		}
		if score >= bestScore {
			best, bestScore = r, score
		}
	}
	return best
}

func ruleDetails(r *store.PreferenceRule) map[string]any {
	out := map[string]any{"enabled": r.Enabled}
	if r.Category != "" {
		out["category"] = r.Category
	}
	if r.MessageType != "" {
		out["messageType"] = r.MessageType
	}
	if r.Channel != "" {
		out["channel"] = string(r.Channel)
	}
	return out
}

// Location returns the recipient's time zone, UTC if unset or unknown.
func Location(r *store.Recipient) *time.Location {
	if r == nil || r.Timezone == "" {
		return time.UTC
	}
	loc, err := time.LoadLocation(r.Timezone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// QuietUntil reports whether now falls in the quiet hours [start, end)
// ("HH:MM" wall-clock times in loc, possibly crossing midnight) and, if so,
// when they end, on the wall clock: a DST change inside the window moves
// the end with the clock.
func QuietUntil(now time.Time, loc *time.Location, start, end string) (time.Time, bool) {
	s, ok1 := minutes(start)
	e, ok2 := minutes(end)
	if !ok1 || !ok2 || s == e {
		return time.Time{}, false
	}
	local := now.In(loc)
	y, mo, d := local.Date()
	at := local.Hour()*60 + local.Minute()
	endDay := d
	switch {
	case s < e && at >= s && at < e:
	case s > e && at >= s:
		endDay = d + 1 // the window runs past midnight
	case s > e && at < e:
	default:
		return time.Time{}, false
	}
	until := wallTime(y, mo, endDay, e/60, e%60, loc)
	if !until.After(now) {
		return time.Time{}, false
	}
	return until, true
}

func minutes(hhmm string) (int, bool) {
	var h, m int
	if _, err := fmt.Sscanf(hhmm, "%d:%d", &h, &m); err != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, false
	}
	return h*60 + m, true
}

func recipientIDs(ms []*Message) []string {
	seen := make(map[string]bool, len(ms))
	ids := make([]string, 0, len(ms))
	for _, m := range ms {
		if !seen[m.RecipientID] {
			seen[m.RecipientID] = true
			ids = append(ids, m.RecipientID)
		}
	}
	return ids
}
