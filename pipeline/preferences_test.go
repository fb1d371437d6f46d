package pipeline_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/store/storetest"
)

type dbBundle struct {
	ctx    context.Context
	st     *store.Store
	tenant *store.Tenant
}

func setupDB(t *testing.T) *dbBundle {
	t.Helper()
	ctx := context.Background()
	st := store.NewStore(storetest.NewPool(t))
	tenant, err := st.CreateTenant(ctx, "acme")
	require.NoError(t, err)
	return &dbBundle{ctx: ctx, st: st, tenant: tenant}
}

func (b *dbBundle) recipient(t *testing.T, r store.Recipient) {
	t.Helper()
	r.TenantID = b.tenant.ID
	_, err := b.st.UpsertRecipient(b.ctx, &r)
	require.NoError(t, err)
}

func (b *dbBundle) prefs(t *testing.T, p store.Preferences) {
	t.Helper()
	p.TenantID = b.tenant.ID
	_, err := b.st.UpsertPreferences(b.ctx, &p)
	require.NoError(t, err)
}

// run runs layers over a new batch in one committed transaction, the way
// fan-out does, and returns the messages by "recipient/channel".
func (b *dbBundle) run(t *testing.T, now time.Time, mt store.MessageType, n store.Notification, recipients []string, layers ...pipeline.Layer) map[string]*pipeline.Message {
	t.Helper()
	mt.TenantID = b.tenant.ID
	n.TenantID = b.tenant.ID
	if n.ID == uuid.Nil {
		n.ID = uuid.New()
	}
	if n.Data == nil {
		n.Data = json.RawMessage(`{}`)
	}
	var batch *pipeline.Batch
	require.NoError(t, b.st.InTx(b.ctx, func(tx pgx.Tx) error {
		batch = pipeline.NewBatch(now, store.New(tx), &n, &mt, recipients)
		return pipeline.New(layers...).Run(b.ctx, batch)
	}))
	out := map[string]*pipeline.Message{}
	for _, m := range batch.Messages {
		out[m.RecipientID+"/"+string(m.Channel)] = m
	}
	return out
}

var (
	marketing = store.MessageType{Key: "promo", MessageTypeSpec: store.MessageTypeSpec{
		Category: "marketing", Channels: []store.Channel{store.ChannelEmail, store.ChannelPush}}}
	securityAlert = store.MessageType{Key: "security.alert", MessageTypeSpec: store.MessageTypeSpec{
		Category: "security", Critical: true, Channels: []store.Channel{store.ChannelEmail, store.ChannelPush}}}
)

func TestDecideMostSpecificRuleWins(t *testing.T) {
	t.Parallel()
	rules := func(rs ...store.PreferenceRule) *store.Preferences { return &store.Preferences{Rules: rs} }
	off := func(r store.PreferenceRule) store.PreferenceRule { r.Enabled = false; return r }
	on := func(r store.PreferenceRule) store.PreferenceRule { r.Enabled = true; return r }
	cases := []struct {
		name          string
		own, defaults *store.Preferences
		channel       store.Channel
		enabled       bool
		source        string
	}{
		{"no rules", rules(), rules(), store.ChannelEmail, true, ""},
		{"global off", rules(off(store.PreferenceRule{})), rules(), store.ChannelEmail, false, "recipient"},
		{"category beats global", rules(off(store.PreferenceRule{}), on(store.PreferenceRule{Category: "marketing"})), rules(), store.ChannelEmail, true, "recipient"},
		{"message type beats category", rules(off(store.PreferenceRule{Category: "marketing"}), on(store.PreferenceRule{MessageType: "promo"})), rules(), store.ChannelPush, true, "recipient"},
		{"channel rule beats every-channel rule at one level", rules(on(store.PreferenceRule{Category: "marketing"}), off(store.PreferenceRule{Category: "marketing", Channel: store.ChannelEmail})), rules(), store.ChannelEmail, false, "recipient"},
		{"channel rule only for its channel", rules(off(store.PreferenceRule{Category: "marketing", Channel: store.ChannelEmail})), rules(), store.ChannelPush, true, ""},
		{"other category does not match", rules(off(store.PreferenceRule{Category: "social"})), rules(), store.ChannelEmail, true, ""},
		{"tenant default applies without own rule", rules(), rules(off(store.PreferenceRule{Category: "marketing"})), store.ChannelEmail, false, "tenant default"},
		{"own rule beats a more specific default", rules(on(store.PreferenceRule{})), rules(off(store.PreferenceRule{MessageType: "promo"})), store.ChannelEmail, true, "recipient"},
		{"later rule wins a tie", rules(off(store.PreferenceRule{}), on(store.PreferenceRule{})), rules(), store.ChannelEmail, true, "recipient"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := pipeline.Decide(tc.own, tc.defaults, &marketing, tc.channel)
			require.Equal(t, tc.enabled, v.Enabled)
			require.Equal(t, tc.source, v.Source)
		})
	}
}

func TestQuietUntil(t *testing.T) {
	t.Parallel()
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	at := func(s string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, ny)
		require.NoError(t, err)
		return tm
	}
	cases := []struct {
		name, now, start, end string
		quiet                 bool
		until                 string
	}{
		{"inside a daytime window", "2026-06-10 13:00", "12:00", "14:00", true, "2026-06-10 14:00"},
		{"before it", "2026-06-10 11:59", "12:00", "14:00", false, ""},
		{"end is exclusive", "2026-06-10 14:00", "12:00", "14:00", false, ""},
		{"late evening, window past midnight", "2026-06-10 23:30", "22:00", "07:00", true, "2026-06-11 07:00"},
		{"early morning, window past midnight", "2026-06-11 06:15", "22:00", "07:00", true, "2026-06-11 07:00"},
		{"daytime, window past midnight", "2026-06-11 12:00", "22:00", "07:00", false, ""},
		// 2026-03-08 02:00 EST jumps to 03:00 EDT: the night is an hour shorter,
		// and quiet hours still end at 07:00 on the wall clock.
		{"across spring forward", "2026-03-07 23:00", "22:00", "07:00", true, "2026-03-08 07:00"},
		// 2026-11-01 02:00 EDT falls back to 01:00 EST.
		{"across fall back", "2026-10-31 23:00", "22:00", "07:00", true, "2026-11-01 07:00"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			until, quiet := pipeline.QuietUntil(at(tc.now).UTC(), ny, tc.start, tc.end)
			require.Equal(t, tc.quiet, quiet)
			if tc.quiet {
				require.True(t, at(tc.until).Equal(until), "until %s, want %s", until.In(ny), tc.until)
			}
		})
	}
	// The same wall-clock end is a different UTC instant on either side of DST.
	before, _ := pipeline.QuietUntil(at("2026-03-07 06:00").UTC(), ny, "22:00", "07:00")
	after, _ := pipeline.QuietUntil(at("2026-03-08 06:00").UTC(), ny, "22:00", "07:00")
	require.Equal(t, 12, before.UTC().Hour())
	require.Equal(t, 11, after.UTC().Hour())
}

func TestPreferencesLayer(t *testing.T) {
	t.Parallel()
	b := setupDB(t)
	for _, id := range []string{"ada", "bob", "cy", "di", "eve"} {
		b.recipient(t, store.Recipient{ID: id, Email: id + "@example.com", Timezone: "Europe/Paris",
			PushTokens: []store.PushToken{{Token: "tok-" + id, Platform: "fcm"}}})
	}
	now := time.Date(2026, 6, 10, 21, 30, 0, 0, time.UTC) // 23:30 in Paris
	mute := now.Add(time.Hour)
	b.prefs(t, store.Preferences{RecipientID: "ada", Rules: []store.PreferenceRule{{Category: "marketing", Channel: store.ChannelEmail, Enabled: false}}})
	b.prefs(t, store.Preferences{RecipientID: "bob", MuteUntil: &mute})
	b.prefs(t, store.Preferences{RecipientID: "cy", QuietStart: "22:00", QuietEnd: "07:00"})
	b.prefs(t, store.Preferences{RecipientID: "di", Rules: []store.PreferenceRule{{Channel: store.ChannelPush, Enabled: true}}})
	b.prefs(t, store.Preferences{RecipientID: store.TenantDefaults, Rules: []store.PreferenceRule{{Category: "marketing", Channel: store.ChannelPush, Enabled: false}}})

	layers := []pipeline.Layer{pipeline.LoadRecipients{}, pipeline.SelectChannels{}, pipeline.Preferences{}}
	got := b.run(t, now, marketing, store.Notification{}, []string{"ada", "bob", "cy", "di", "eve"}, layers...)

	email := got["ada/email"]
	require.Equal(t, store.DeliverySuppressed, email.Status)
	require.Equal(t, "opted_out", email.Reason)
	last := email.Events[len(email.Events)-1]
	require.Equal(t, map[string]any{"category": "marketing", "channel": "email", "enabled": false}, last.Details["rule"], "the rule that decided is in the log")
	require.Equal(t, "recipient", last.Details["source"])

	require.Equal(t, "opted_out", got["ada/push"].Reason, "the tenant default turns marketing push off")
	require.Equal(t, "tenant default", got["ada/push"].Events[0].Details["source"])
	require.True(t, got["di/push"].Active(), "di's own rule overrides the tenant default")

	require.Equal(t, "muted", got["bob/email"].Reason)
	cyEmail := got["cy/email"]
	require.Equal(t, store.DeliveryScheduled, cyEmail.Status)
	require.Equal(t, time.Date(2026, 6, 11, 5, 0, 0, 0, time.UTC), cyEmail.ScheduledAt.UTC(), "07:00 in Paris")
	require.Equal(t, "quiet_hours", cyEmail.Events[0].Reason)
	require.True(t, got["eve/email"].Active())

	// A critical message reaches the same people, and says what it bypassed.
	crit := b.run(t, now, securityAlert, store.Notification{}, []string{"ada", "bob", "cy"}, layers...)
	for _, key := range []string{"bob/email", "bob/push", "cy/email", "cy/push"} {
		m := crit[key]
		require.Equal(t, store.DeliveryQueued, m.Status, key)
		require.Equal(t, pipeline.EventBypassed, m.Events[0].Type, key)
	}
	require.True(t, crit["ada/email"].Active(), "ada's marketing opt-out does not touch security")
}
