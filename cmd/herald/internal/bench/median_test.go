package bench

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestMedian(t *testing.T) {
	t.Parallel()
	require.Zero(t, median(nil))
	require.Equal(t, 7.0, median([]float64{7}))
	require.Equal(t, 5.0, median([]float64{9, 1, 5}), "unsorted input")
	require.Equal(t, 4.0, median([]float64{6, 1, 2, 9}), "even count: mean of the middle two")

	xs := []float64{3, 1, 2}
	median(xs)
	require.Equal(t, []float64{3, 1, 2}, xs, "the caller's slice is left alone")
}
