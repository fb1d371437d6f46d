package webhook_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/providers/webhook"
)

func TestSignVerify(t *testing.T) {
	t.Parallel()
	secret := []byte("s3cret")
	body := []byte(`{"id":"1"}`)
	now := time.Unix(1_700_000_000, 0)
	sig := webhook.Sign(secret, now, body)

	require.NoError(t, webhook.Verify(secret, sig, body, now.Add(time.Minute), 0))
	require.ErrorIs(t, webhook.Verify(secret, sig, []byte(`{"id":"2"}`), now, 0), webhook.ErrBadSignature, "tampered body")
	require.ErrorIs(t, webhook.Verify([]byte("other"), sig, body, now, 0), webhook.ErrBadSignature, "wrong secret")
	require.ErrorIs(t, webhook.Verify(secret, sig, body, now.Add(10*time.Minute), 0), webhook.ErrStale, "replayed later")
	require.ErrorIs(t, webhook.Verify(secret, "garbage", body, now, 0), webhook.ErrBadSignature)
}
