package enqueue_test

import (
	"bytes"
	"testing"

	"buf.build/go/protovalidate"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/heraldhq/herald/enqueue"
	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
)

// FuzzSendRequestValidation feeds arbitrary wire bytes through decoding and
// validation, as the API does: no panic, and a request that validates hashes
// the same way twice.
func FuzzSendRequestValidation(f *testing.F) {
	data, _ := structpb.NewStruct(map[string]any{"order": "A-17", "n": 3, "nested": map[string]any{"x": []any{1, "y"}}})
	for _, req := range []*heraldv1.SendRequest{
		{MessageType: "order.shipped", RecipientIds: []string{"u1"}, Data: data, IdempotencyKey: "k"},
		{MessageType: "Bad Type", RecipientIds: []string{"u1", "u1"}},
		{MessageType: "x", RecipientIds: []string{""}, DedupeKey: "d", Priority: 99},
	} {
		b, err := proto.Marshal(req)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	v, err := protovalidate.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, wire []byte) {
		req := &heraldv1.SendRequest{}
		if proto.Unmarshal(wire, req) != nil {
			return
		}
		if v.Validate(req) != nil {
			return
		}
		h1, err1 := enqueue.RequestHash(req)
		h2, err2 := enqueue.RequestHash(proto.CloneOf(req))
		if err1 != nil || err2 != nil || !bytes.Equal(h1, h2) {
			t.Fatalf("request hash not stable: %x %x %v %v", h1, h2, err1, err2)
		}
	})
}
