package pipeline_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/store"
)

func batch(t *testing.T, mt store.MessageTypeSpec, created time.Time, recipients ...*store.Recipient) *pipeline.Batch {
	t.Helper()
	ids := make([]string, len(recipients))
	for i, r := range recipients {
		ids[i] = r.ID
	}
	n := &store.Notification{ID: uuid.New(), CreatedAt: created, Data: json.RawMessage(`{"name":"Ada"}`)}
	b := pipeline.NewBatch(time.Now(), nil, n, &store.MessageType{Key: "k", Version: 3, MessageTypeSpec: mt}, ids)
	for _, m := range b.Messages {
		for _, r := range recipients {
			if r.ID == m.RecipientID && r.Email != "missing" {
				m.Recipient = r
			}
		}
	}
	return b
}

func TestExpirationDropsEverythingPastTTL(t *testing.T) {
	t.Parallel()
	spec := store.MessageTypeSpec{Channels: []store.Channel{store.ChannelEmail, store.ChannelSMS}, TTL: time.Minute}
	b := batch(t, spec, time.Now().Add(-time.Hour), &store.Recipient{ID: "a"})
	require.NoError(t, pipeline.Expiration{}.Process(context.Background(), b))
	require.Empty(t, b.Active())
	for _, m := range b.Messages {
		require.Equal(t, store.DeliveryExpired, m.Status)
		require.Equal(t, "expired", m.Reason)
		require.Equal(t, store.EventExpired, m.Events[0].Type)
		require.Equal(t, "1m0s", m.Events[0].Details["ttl"])
	}

	fresh := batch(t, spec, time.Now(), &store.Recipient{ID: "a"})
	require.NoError(t, pipeline.Expiration{}.Process(context.Background(), fresh))
	require.Len(t, fresh.Active(), 2)
}

func TestSelectChannelsNeedsAnAddress(t *testing.T) {
	t.Parallel()
	spec := store.MessageTypeSpec{Channels: []store.Channel{store.ChannelEmail, store.ChannelSMS, store.ChannelInApp}}
	b := batch(t, spec, time.Now(), &store.Recipient{ID: "a", Email: "a@example.com"}, &store.Recipient{ID: "gone", Email: "missing"})
	require.NoError(t, pipeline.SelectChannels{}.Process(context.Background(), b))

	got := map[string]store.DeliveryStatus{}
	for _, m := range b.Messages {
		got[m.RecipientID+"/"+string(m.Channel)] = m.Status
		if m.Status == store.DeliverySuppressed {
			require.Equal(t, "no_address", m.Reason)
		}
	}
	require.Equal(t, map[string]store.DeliveryStatus{
		"a/email": store.DeliveryQueued, "a/sms": store.DeliverySuppressed, "a/in_app": store.DeliveryQueued,
		"gone/email": store.DeliverySuppressed, "gone/sms": store.DeliverySuppressed, "gone/in_app": store.DeliverySuppressed,
	}, got)
}

func TestRenderRecordsVersionAndFailures(t *testing.T) {
	t.Parallel()
	spec := store.MessageTypeSpec{Channels: []store.Channel{store.ChannelInApp, store.ChannelSMS}, Templates: store.Templates{
		InApp: &store.InAppTemplate{Title: "Hi {{.name}}", Body: "from {{.recipient.id}}"},
		SMS:   &store.SMSTemplate{Body: "{{.missing}}"},
	}}
	b := batch(t, spec, time.Now(), &store.Recipient{ID: "a"})
	require.NoError(t, pipeline.Render{Renderer: render.New()}.Process(context.Background(), b))

	inApp, sms := b.Messages[0], b.Messages[1]
	require.Equal(t, "Hi Ada", inApp.Content.Title)
	require.Equal(t, "from a", inApp.Content.Body)
	require.Equal(t, store.EventRendered, inApp.Events[0].Type)
	require.Equal(t, 3, inApp.Events[0].Details["messageTypeVersion"])

	require.Equal(t, store.DeliveryFailed, sms.Status)
	require.Equal(t, "render_error", sms.Reason)
}

type tagLayer struct{ name string }

func (l tagLayer) Name() string { return l.name }
func (l tagLayer) Process(_ context.Context, b *pipeline.Batch) error {
	for _, m := range b.Active() {
		m.Note("tag", l.name, nil)
	}
	return nil
}

func TestInsertCustomLayer(t *testing.T) {
	t.Parallel()
	p := pipeline.New(tagLayer{"a"}, tagLayer{"c"}).Insert("c", tagLayer{"b"})
	b := batch(t, store.MessageTypeSpec{Channels: []store.Channel{store.ChannelInApp}}, time.Now(), &store.Recipient{ID: "x"})
	require.NoError(t, p.Run(context.Background(), b))
	var order []string
	for _, e := range b.Messages[0].Events {
		order = append(order, e.Message)
	}
	require.Equal(t, []string{"a", "b", "c"}, order)
}
