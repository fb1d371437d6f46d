package enqueue_test

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/types/known/structpb"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/heraldhq/herald/enqueue"
	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
)

// TestRequestHashIsStable pins the hash of one request: stored
// notifications keep the hashes of their requests, so a change would turn
// every retry of an earlier Send into an idempotency conflict.
func TestRequestHashIsStable(t *testing.T) {
	t.Parallel()
	data, err := structpb.NewStruct(map[string]any{"order": "A-17", "n": 3, "nested": map[string]any{"x": []any{1, "y"}}})
	require.NoError(t, err)
	req := &heraldv1.SendRequest{MessageType: "welcome", RecipientIds: []string{"u1", "u2"}, Data: data, IdempotencyKey: "k1",
		Priority: heraldv1.Priority_PRIORITY_CRITICAL, SendAt: &timestamppb.Timestamp{Seconds: 1767225600}, DedupeKey: "d"}
	h, err := enqueue.RequestHash(req)
	require.NoError(t, err)
	require.Equal(t, "100eddec3c4ee025f63ad9c0e5cea301f266b4b0759edfde4bc7bb51e14b74da", hex.EncodeToString(h))

	req.IdempotencyKey = "another key"
	again, err := enqueue.RequestHash(req)
	require.NoError(t, err)
	require.Equal(t, h, again, "the key is not part of the request's identity")
	require.Equal(t, "another key", req.GetIdempotencyKey(), "the request is left as it was")

	req.RecipientIds = []string{"u1"}
	other, err := enqueue.RequestHash(req)
	require.NoError(t, err)
	require.NotEqual(t, h, other)
}
