package pipeline_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/store"
)

func TestNextDigest(t *testing.T) {
	t.Parallel()
	ny, _ := time.LoadLocation("America/New_York")
	paris, _ := time.LoadLocation("Europe/Paris")
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	utc := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		require.NoError(t, err)
		return tm
	}
	daily9 := store.DigestSettings{Cadence: store.DigestDaily, Hour: 9}
	mondays9 := store.DigestSettings{Cadence: store.DigestWeekly, Weekday: 1, Hour: 9}
	cases := []struct {
		name string
		now  string
		loc  *time.Location
		s    store.DigestSettings
		want string
	}{
		{"daily, later today", "2026-06-10T05:00:00Z", paris, daily9, "2026-06-10T07:00:00Z"},
		{"daily, already past today", "2026-06-10T08:00:00Z", paris, daily9, "2026-06-11T07:00:00Z"},
		{"daily, exactly at the hour goes tomorrow", "2026-06-10T07:00:00Z", paris, daily9, "2026-06-11T07:00:00Z"},
		{"weekly from a Wednesday", "2026-06-10T10:00:00Z", paris, mondays9, "2026-06-15T07:00:00Z"},
		{"weekly on the day, before the hour", "2026-06-15T06:00:00Z", paris, mondays9, "2026-06-15T07:00:00Z"},
		{"weekly on the day, after the hour", "2026-06-15T08:00:00Z", paris, mondays9, "2026-06-22T07:00:00Z"},
		{"the recipient's day, not UTC's", "2026-06-14T20:00:00Z", tokyo, mondays9, "2026-06-15T00:00:00Z"},
		// New York springs forward on 2026-03-08: 09:00 is 14:00 UTC the day
		// before and 13:00 UTC from that day on.
		{"daily across spring forward", "2026-03-07T15:00:00Z", ny, daily9, "2026-03-08T13:00:00Z"},
		{"weekly across fall back", "2026-10-27T12:00:00Z", ny, store.DigestSettings{Cadence: store.DigestWeekly, Weekday: 1, Hour: 9}, "2026-11-02T14:00:00Z"},
		{"an hour the DST change skips moves with the clock", "2026-03-07T15:00:00Z", ny, store.DigestSettings{Cadence: store.DigestDaily, Hour: 2}, "2026-03-08T07:00:00Z"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := pipeline.NextDigest(utc(tc.now), tc.loc, tc.s)
			require.True(t, ok)
			require.Equal(t, utc(tc.want), got.UTC())
		})
	}
	_, ok := pipeline.NextDigest(time.Now(), paris, store.DigestSettings{Cadence: store.DigestImmediate})
	require.False(t, ok)
	_, ok = pipeline.NextDigest(time.Now(), paris, store.DigestSettings{})
	require.False(t, ok)
}
