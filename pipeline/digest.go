package pipeline

import (
	"context"
	"time"

	"github.com/heraldhq/herald/store"
)

// Digest collects notifications of a digestible message type into the
// recipient's digest when they chose a daily or weekly cadence: every
// channel's message ends DIGESTED and the recipient is listed in
// Batch.Digested, for fan-out to store the item and make sure a flush is
// scheduled. Critical message types and digests themselves go out at once.
type Digest struct{}

// Name implements Layer.
func (Digest) Name() string { return "digest" }

// Process implements Layer.
func (Digest) Process(ctx context.Context, b *Batch) error {
	mt := b.MessageType
	if !mt.Digestible || mt.Critical || b.Notification.Digest {
		return nil
	}
	active := b.Active()
	if len(active) == 0 {
		return nil
	}
	if err := b.loadPreferences(ctx, recipientIDs(active)); err != nil {
		return err
	}
	listed := map[string]bool{}
	for _, m := range active {
		p := b.prefs[m.RecipientID]
		if p == nil {
			continue
		}
		next, ok := NextDigest(b.Now, Location(m.Recipient), p.Digest)
		if !ok {
			continue
		}
		m.Drop(store.DeliveryDigested, store.ReasonDigested, "collected for the recipient's "+p.Digest.Cadence+" digest",
			map[string]any{"cadence": p.Digest.Cadence, "nextSendTime": next.UTC().Format(time.RFC3339)})
		if !listed[m.RecipientID] {
			listed[m.RecipientID] = true
			b.Digested = append(b.Digested, m.Recipient)
		}
	}
	return nil
}

// NextDigest returns when a digest with settings s goes next after now, in
// loc's wall clock: daily at s.Hour, or weekly on s.Weekday at s.Hour. It
// returns false for an immediate cadence. A wall time a DST change skips
// becomes the first moment after the gap: a 02:00 digest on a
// spring-forward day goes at 03:00.
func NextDigest(now time.Time, loc *time.Location, s store.DigestSettings) (time.Time, bool) {
	local := now.In(loc)
	y, m, d := local.Date()
	switch s.Cadence {
	case store.DigestDaily:
		t := wallTime(y, m, d, s.Hour, 0, loc)
		if !t.After(now) {
			t = wallTime(y, m, d+1, s.Hour, 0, loc)
		}
		return t, true
	case store.DigestWeekly:
		days := (s.Weekday - int(local.Weekday()) + 7) % 7
		t := wallTime(y, m, d+days, s.Hour, 0, loc)
		if !t.After(now) {
			t = wallTime(y, m, d+days+7, s.Hour, 0, loc)
		}
		return t, true
	}
	return time.Time{}, false
}

// wallTime is the instant loc's clocks show h:min on the given day; if a DST
// change skips that time, the first instant after the gap. (time.Date picks
// an offset for a skipped time that lands before the gap.)
func wallTime(y int, m time.Month, d, h, min int, loc *time.Location) time.Time {
	t := time.Date(y, m, d, h, min, 0, 0, loc)
	if t.Hour() != h || t.Minute() != min {
		return time.Date(y, m, d, h+1, 0, 0, 0, loc)
	}
	return t
}
