package pipeline_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/tracking"
)

var emailAndSMS = store.MessageType{Key: "security.alert", MessageTypeSpec: store.MessageTypeSpec{
	Category: "security", Critical: true, Channels: []store.Channel{store.ChannelEmail, store.ChannelSMS, store.ChannelInApp},
	Templates: store.Templates{Email: &store.EmailTemplate{Subject: "s", Body: "b"}, SMS: &store.SMSTemplate{Body: "b"},
		InApp: &store.InAppTemplate{Title: "t", Body: "b"}}}}

// TestSuppressionListEndsSendsToListedAddresses: a bounced email address
// and a complained one end SUPPRESSED with their reasons, even for a
// critical message; other addresses, channels and tenants go on.
func TestSuppressionListEndsSendsToListedAddresses(t *testing.T) {
	t.Parallel()
	b := setupDB(t)
	b.recipient(t, store.Recipient{ID: "ada", Email: "Ada@Example.com", Phone: "+14155550123"})
	b.recipient(t, store.Recipient{ID: "bob", Email: "bob@example.com", Phone: "+14155550124"})
	b.recipient(t, store.Recipient{ID: "cy", Email: "cy@example.com"})
	for _, s := range []store.Suppression{
		{Channel: store.ChannelEmail, Address: "ada@example.com", Reason: store.ReasonBounced, Provider: "sendgrid"},
		{Channel: store.ChannelSMS, Address: "+14155550124", Reason: store.ReasonBounced, Provider: "twilio"},
		{Channel: store.ChannelEmail, Address: "cy@example.com", Reason: store.ReasonComplained},
	} {
		s.TenantID = b.tenant.ID
		_, _, err := b.st.AddSuppression(b.ctx, &s)
		require.NoError(t, err)
	}
	got := b.run(t, time.Now(), emailAndSMS, store.Notification{}, []string{"ada", "bob", "cy"},
		pipeline.LoadRecipients{}, pipeline.SelectChannels{}, pipeline.Suppress{})
	want := map[string]string{"ada/email": "bounced", "ada/sms": "", "bob/email": "", "bob/sms": "bounced",
		"cy/email": "complained", "cy/in_app": "", "ada/in_app": "", "bob/in_app": ""}
	for k, reason := range want {
		m := got[k]
		if reason == "" {
			require.True(t, m.Active(), k)
			continue
		}
		require.Equal(t, store.DeliverySuppressed, m.Status, k)
		require.Equal(t, reason, m.Reason, k)
		ev := m.Events[len(m.Events)-1]
		require.Equal(t, store.EventSuppressed, ev.Type)
		require.Contains(t, ev.Message, "suppression list")
		require.NotEmpty(t, ev.Details["listTime"])
	}
	require.Equal(t, "ada@example.com", got["ada/email"].Events[0].Details["address"])
	require.Equal(t, "sendgrid", got["ada/email"].Events[0].Details["provider"])
}

// TestTrackRewritesEmailOfTrackedTypesOnly: with tracking on, the HTML's
// links go through signed redirects, the pixel is added and the links are
// recorded; the text part and other message types are left alone.
func TestTrackRewritesEmailOfTrackedTypesOnly(t *testing.T) {
	t.Parallel()
	b := setupDB(t)
	b.recipient(t, store.Recipient{ID: "ada", Email: "ada@example.com"})
	mt := store.MessageType{Key: "news", MessageTypeSpec: store.MessageTypeSpec{Channels: []store.Channel{store.ChannelEmail},
		Templates: store.Templates{Email: &store.EmailTemplate{Subject: "News", Body: "Read https://example.com/a",
			HTML: `<p><a href="https://example.com/a?x={{.x}}">Read</a> <a href="mailto:x@example.com">mail</a></p>`}}}}
	layers := func(track pipeline.Track) []pipeline.Layer {
		return []pipeline.Layer{pipeline.LoadRecipients{}, pipeline.SelectChannels{}, pipeline.Render{Renderer: render.New()}, track}
	}
	n := store.Notification{Data: []byte(`{"x":"1&2"}`)}

	untracked := b.run(t, time.Now(), mt, n, []string{"ada"}, layers(pipeline.NewTrack("https://herald.example.com"))...)["ada/email"]
	require.Equal(t, `<p><a href="https://example.com/a?x=1%262">Read</a> <a href="mailto:x@example.com">mail</a></p>`, untracked.Content.HTML)
	require.Empty(t, untracked.Content.Links)

	mt.Tracking = &store.Tracking{Opens: true, Clicks: true}
	m := b.run(t, time.Now(), mt, n, []string{"ada"}, layers(pipeline.NewTrack("https://herald.example.com"))...)["ada/email"]
	require.Equal(t, []string{"https://example.com/a?x=1%262"}, m.Content.Links)
	require.Equal(t, "Read https://example.com/a", m.Content.Body, "the text part keeps its links")
	key := tracking.Key(b.tenant.SigningSecret)
	click := tracking.ClickURL("https://herald.example.com", key, m.ID.String(), "https://example.com/a?x=1%262")
	require.Contains(t, m.Content.HTML, `href="`+strings.ReplaceAll(click, "&", "&amp;")+`"`)
	require.Contains(t, m.Content.HTML, `<img src="`+tracking.OpenURL("https://herald.example.com", key, m.ID.String())+`"`)
	require.Contains(t, m.Content.HTML, `href="mailto:x@example.com"`)
	ev := m.Events[len(m.Events)-1]
	require.Equal(t, store.EventTracked, ev.Type)
	require.Equal(t, map[string]any{"opens": true, "clicks": true, "links": 1}, ev.Details)
	u, err := url.Parse(click)
	require.NoError(t, err)
	require.Equal(t, "https://example.com/a?x=1%262", u.Query().Get("u"))

	// Opens only: the pixel, the links as they are.
	mt.Tracking = &store.Tracking{Opens: true}
	m = b.run(t, time.Now(), mt, n, []string{"ada"}, layers(pipeline.NewTrack("https://herald.example.com"))...)["ada/email"]
	require.Contains(t, m.Content.HTML, `<a href="https://example.com/a?x=1%262">`)
	require.Contains(t, m.Content.HTML, tracking.OpenPath)
	require.Empty(t, m.Content.Links)

	// No public URL: nothing tracked, and the log says why.
	m = b.run(t, time.Now(), mt, n, []string{"ada"}, layers(pipeline.NewTrack(""))...)["ada/email"]
	require.NotContains(t, m.Content.HTML, tracking.OpenPath)
	require.Contains(t, m.Events[len(m.Events)-1].Message, "HERALD_PUBLIC_URL")
}
