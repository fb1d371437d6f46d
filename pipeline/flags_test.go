package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/flags"
	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/store"
)

func flagsFrom(t *testing.T, body string) *flags.Flags {
	t.Helper()
	path := filepath.Join(t.TempDir(), "flags.json")
	require.NoError(t, os.WriteFile(path, []byte(body), 0o600))
	f, err := flags.New(context.Background(), &flags.Options{File: path})
	require.NoError(t, err)
	t.Cleanup(func() { _ = f.Close(context.Background()) })
	return f
}

const rolloutFlags = `{"flags":{
  "rollout":{"state":"ENABLED","variants":{"on":true,"off":false,"previous":false},"defaultVariant":"on",
    "targeting":{"if":[{"==":[{"var":"messageType"},"new"]},{"fractional":[["on",30],["off",70]]},
                       {"==":[{"var":"messageType"},"redesign"]},{"fractional":[["on",30],["previous",70]]},"on"]}},
  "template-variant":{"state":"ENABLED","variants":{"control":"","b":"b","ghost":"ghost"},"defaultVariant":"control",
    "targeting":{"if":[{"==":[{"var":"messageType"},"ab"]},{"fractional":[["control",50],["b",40],["ghost",10]]},"control"]}}
}}`

func TestRolloutLayer(t *testing.T) {
	t.Parallel()
	b := setupDB(t)
	f := flagsFrom(t, rolloutFlags)
	ids := make([]string, 1000)
	for i := range ids {
		ids[i] = fmt.Sprint("r", i)
	}
	mt := store.MessageType{Key: "new", Version: 1, MessageTypeSpec: store.MessageTypeSpec{Channels: []store.Channel{store.ChannelInApp}}}
	got := b.run(t, time.Now(), mt, store.Notification{}, ids, pipeline.Rollout{Flags: f})
	in := 0
	for _, m := range got {
		if m.Active() {
			in++
			continue
		}
		require.Equal(t, "not_in_rollout", m.Reason)
		require.Equal(t, "rollout", m.Events[0].Details["flag"])
		require.Equal(t, "off", m.Events[0].Details["variant"])
	}
	require.InDelta(t, 300, in, 60)
	other := mt
	other.Key = "unrelated"
	for _, m := range b.run(t, time.Now(), other, store.Notification{}, ids[:50], pipeline.Rollout{Flags: f}) {
		require.True(t, m.Active())
	}
}

func TestRolloutOfANewVersionKeepsOthersOnThePrevious(t *testing.T) {
	t.Parallel()
	b := setupDB(t)
	f := flagsFrom(t, rolloutFlags)
	spec := store.MessageTypeSpec{Channels: []store.Channel{store.ChannelInApp},
		Templates: store.Templates{InApp: &store.InAppTemplate{Title: "v1 title", Body: "b"}}}
	var mt *store.MessageType
	require.NoError(t, b.st.InTx(b.ctx, func(tx pgx.Tx) error {
		q := store.New(tx)
		if _, err := q.UpsertMessageType(b.ctx, b.tenant.ID, "redesign", spec); err != nil {
			return err
		}
		spec.Templates.InApp = &store.InAppTemplate{Title: "v2 title", Body: "b"}
		var err error
		mt, err = q.UpsertMessageType(b.ctx, b.tenant.ID, "redesign", spec)
		return err
	}))
	require.Equal(t, 2, mt.Version)
	ids := make([]string, 200)
	for i := range ids {
		ids[i] = fmt.Sprint("r", i)
	}
	got := b.run(t, time.Now(), *mt, store.Notification{}, ids, pipeline.Rollout{Flags: f}, pipeline.Render{Renderer: render.New()})
	titles := map[string]int{}
	for _, m := range got {
		require.True(t, m.Active(), "a version rollout suppresses nobody")
		titles[m.Content.Title]++
		want := 2
		if m.Content.Title == "v1 title" {
			want = 1
		}
		require.Equal(t, want, m.Events[len(m.Events)-1].Details["messageTypeVersion"])
	}
	require.InDelta(t, 60, titles["v2 title"], 30)
	require.Equal(t, 200, titles["v1 title"]+titles["v2 title"])
}

func TestVariantLayer(t *testing.T) {
	t.Parallel()
	b := setupDB(t)
	f := flagsFrom(t, rolloutFlags)
	mt := store.MessageType{Key: "ab", Version: 1, MessageTypeSpec: store.MessageTypeSpec{
		Channels:  []store.Channel{store.ChannelInApp, store.ChannelSMS},
		Templates: store.Templates{InApp: &store.InAppTemplate{Title: "Control", Body: "b"}, SMS: &store.SMSTemplate{Body: "control sms"}},
		Variants:  map[string]store.Templates{"b": {InApp: &store.InAppTemplate{Title: "Variant B", Body: "b"}}},
	}}
	ids := make([]string, 400)
	for i := range ids {
		ids[i] = fmt.Sprint("r", i)
	}
	got := b.run(t, time.Now(), mt, store.Notification{}, ids, pipeline.Variant{Flags: f}, pipeline.Render{Renderer: render.New()})
	counts := map[string]int{}
	for _, m := range got {
		switch m.Variant {
		case "b":
			if m.Channel == store.ChannelInApp {
				require.Equal(t, "Variant B", m.Content.Title)
			} else {
				require.Equal(t, "control sms", m.Content.Body, "a channel the variant lacks uses the default")
			}
		case "":
			if m.Channel == store.ChannelInApp {
				require.Equal(t, "Control", m.Content.Title)
			}
		}
		counts[m.Variant]++
	}
	require.InDelta(t, 320, counts["b"], 80, "40% of 800 messages")
	require.Zero(t, counts["ghost"], "a variant the type does not define is never recorded")
}
