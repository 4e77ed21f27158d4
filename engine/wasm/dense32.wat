;; The opt-in float32 matrix product (kernels 'wasm-f32'): engine/wasm/dense.wat's gemm with the weights
;; in float32 and four lanes per vector, twice dense.wat's two. Compiled by scripts/build-wasm.ts into
;; engine/wasm/dense32Module.ts; a module of its own, so that the default float64 module stays under 4 KB
;; and nothing on the float64 path changes. tests/unit/wasmDense32.test.ts checks it against a float32
;; reference loop and against the float64 product.
;;
;; gemm32: for each listed row r and each column n < N (scratch: room for 2K float32 numbers),
;;   out[r·os + n] = (acc ? out[r·os + n] : bias ? bias[n] : 0) + fl32(Σ_{k<K} fl32(A[r·ar + k·ac]) · W[k·ws + n])
;; out, bias and A are float64 (the engine's state stays float64); W is float32 and the sum runs in float32,
;; in order over k, then is added to the float64 start. Strides are in bytes; W's columns are contiguous,
;; so four columns are one vector. Rows go two at a time and columns sixteen at a time (eight accumulators),
;; then four, then one. rows = 0 means rows 0..M-1; otherwise it points at M i32 row numbers. Address 0 is
;; never a buffer, so bias = 0 means no bias.
;;
;; activateRows32 and lstmForward32: dense.wat's activateRows and fused LSTM forward with the gate
;; nonlinearities ($act32) and the LSTM's cell update in float32, four lanes; they read and write float64
;; (each value rounded on the way in and widened on the way out), so the rest of the engine is unchanged.
(module
  (import "env" "memory" (memory 1))

  ;; The float64 start of the output column at byte offset p (into out or bias, 8 bytes a column) of output
  ;; row o: what is there when accumulating, else the bias, else 0.
  (func $start1 (param $acc i32) (param $o i32) (param $bias i32) (param $p i32) (result f64)
    (if (result f64) (local.get $acc)
      (then (f64.load (i32.add (local.get $o) (local.get $p))))
      (else
        (if (result f64) (local.get $bias)
          (then (f64.load (i32.add (local.get $bias) (local.get $p))))
          (else (f64.const 0))))))

  ;; Stores the four float32 sums s, widened, plus their starts, at output row o, columns from byte
  ;; offset p (8 bytes a column).
  (func $put4 (param $acc i32) (param $o i32) (param $bias i32) (param $p i32) (param $s v128)
    (local $lo v128) (local $hi v128)
    (local.set $lo (f64x2.promote_low_f32x4 (local.get $s)))
    (local.set $hi (f64x2.promote_low_f32x4
      (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $s) (local.get $s))))
    (if (local.get $acc)
      (then
        (local.set $lo (f64x2.add (v128.load (i32.add (local.get $o) (local.get $p))) (local.get $lo)))
        (local.set $hi (f64x2.add (v128.load offset=16 (i32.add (local.get $o) (local.get $p))) (local.get $hi))))
      (else
        (if (local.get $bias)
          (then
            (local.set $lo (f64x2.add (v128.load (i32.add (local.get $bias) (local.get $p))) (local.get $lo)))
            (local.set $hi (f64x2.add (v128.load offset=16 (i32.add (local.get $bias) (local.get $p))) (local.get $hi)))))))
    (v128.store (i32.add (local.get $o) (local.get $p)) (local.get $lo))
    (v128.store offset=16 (i32.add (local.get $o) (local.get $p)) (local.get $hi)))

  ;; Two output rows o0, o1 from A rows a0, a1, float32 with ac bytes between values (o1 = -1: one row
  ;; only). q is the column's byte offset in W (4 bytes a column); the output's is 2q.
  (func $rows
    (param $o0 i32) (param $o1 i32) (param $a0 i32) (param $a1 i32) (param $ac i32)
    (param $w i32) (param $ws i32) (param $bias i32) (param $N4 i32) (param $K i32) (param $acc i32)
    (local $q i32) (local $pa0 i32) (local $pa1 i32) (local $pw i32) (local $k i32)
    (local $x0 v128) (local $x1 v128) (local $v v128)
    (local $s00 v128) (local $s01 v128) (local $s02 v128) (local $s03 v128)
    (local $s10 v128) (local $s11 v128) (local $s12 v128) (local $s13 v128)
    (local $t0 f32) (local $t1 f32) (local $y f32)
    ;; sixteen columns at a time
    (block $end16
      (loop $cols16
        (br_if $end16 (i32.gt_u (i32.add (local.get $q) (i32.const 64)) (local.get $N4)))
        (local.set $s00 (v128.const f32x4 0 0 0 0))
        (local.set $s01 (v128.const f32x4 0 0 0 0))
        (local.set $s02 (v128.const f32x4 0 0 0 0))
        (local.set $s03 (v128.const f32x4 0 0 0 0))
        (local.set $s10 (v128.const f32x4 0 0 0 0))
        (local.set $s11 (v128.const f32x4 0 0 0 0))
        (local.set $s12 (v128.const f32x4 0 0 0 0))
        (local.set $s13 (v128.const f32x4 0 0 0 0))
        (local.set $pa0 (local.get $a0))
        (local.set $pa1 (local.get $a1))
        (local.set $pw (i32.add (local.get $w) (local.get $q)))
        (local.set $k (local.get $K))
        (loop $ks
          (local.set $x0 (v128.load32_splat (local.get $pa0)))
          (local.set $x1 (v128.load32_splat (local.get $pa1)))
          (local.set $v (v128.load (local.get $pw)))
          (local.set $s00 (f32x4.add (local.get $s00) (f32x4.mul (local.get $x0) (local.get $v))))
          (local.set $s10 (f32x4.add (local.get $s10) (f32x4.mul (local.get $x1) (local.get $v))))
          (local.set $v (v128.load offset=16 (local.get $pw)))
          (local.set $s01 (f32x4.add (local.get $s01) (f32x4.mul (local.get $x0) (local.get $v))))
          (local.set $s11 (f32x4.add (local.get $s11) (f32x4.mul (local.get $x1) (local.get $v))))
          (local.set $v (v128.load offset=32 (local.get $pw)))
          (local.set $s02 (f32x4.add (local.get $s02) (f32x4.mul (local.get $x0) (local.get $v))))
          (local.set $s12 (f32x4.add (local.get $s12) (f32x4.mul (local.get $x1) (local.get $v))))
          (local.set $v (v128.load offset=48 (local.get $pw)))
          (local.set $s03 (f32x4.add (local.get $s03) (f32x4.mul (local.get $x0) (local.get $v))))
          (local.set $s13 (f32x4.add (local.get $s13) (f32x4.mul (local.get $x1) (local.get $v))))
          (local.set $pa0 (i32.add (local.get $pa0) (local.get $ac)))
          (local.set $pa1 (i32.add (local.get $pa1) (local.get $ac)))
          (local.set $pw (i32.add (local.get $pw) (local.get $ws)))
          (local.set $k (i32.sub (local.get $k) (i32.const 1)))
          (br_if $ks (local.get $k)))
        (call $put4 (local.get $acc) (local.get $o0) (local.get $bias) (i32.shl (local.get $q) (i32.const 1)) (local.get $s00))
        (call $put4 (local.get $acc) (local.get $o0) (local.get $bias) (i32.add (i32.shl (local.get $q) (i32.const 1)) (i32.const 32)) (local.get $s01))
        (call $put4 (local.get $acc) (local.get $o0) (local.get $bias) (i32.add (i32.shl (local.get $q) (i32.const 1)) (i32.const 64)) (local.get $s02))
        (call $put4 (local.get $acc) (local.get $o0) (local.get $bias) (i32.add (i32.shl (local.get $q) (i32.const 1)) (i32.const 96)) (local.get $s03))
        (if (i32.ge_s (local.get $o1) (i32.const 0))
          (then
            (call $put4 (local.get $acc) (local.get $o1) (local.get $bias) (i32.shl (local.get $q) (i32.const 1)) (local.get $s10))
            (call $put4 (local.get $acc) (local.get $o1) (local.get $bias) (i32.add (i32.shl (local.get $q) (i32.const 1)) (i32.const 32)) (local.get $s11))
            (call $put4 (local.get $acc) (local.get $o1) (local.get $bias) (i32.add (i32.shl (local.get $q) (i32.const 1)) (i32.const 64)) (local.get $s12))
            (call $put4 (local.get $acc) (local.get $o1) (local.get $bias) (i32.add (i32.shl (local.get $q) (i32.const 1)) (i32.const 96)) (local.get $s13))))
        (local.set $q (i32.add (local.get $q) (i32.const 64)))
        (br $cols16)))
    ;; four columns at a time
    (block $end4
      (loop $cols4
        (br_if $end4 (i32.gt_u (i32.add (local.get $q) (i32.const 16)) (local.get $N4)))
        (local.set $s00 (v128.const f32x4 0 0 0 0))
        (local.set $s10 (v128.const f32x4 0 0 0 0))
        (local.set $pa0 (local.get $a0))
        (local.set $pa1 (local.get $a1))
        (local.set $pw (i32.add (local.get $w) (local.get $q)))
        (local.set $k (local.get $K))
        (loop $ks
          (local.set $v (v128.load (local.get $pw)))
          (local.set $s00 (f32x4.add (local.get $s00) (f32x4.mul (v128.load32_splat (local.get $pa0)) (local.get $v))))
          (local.set $s10 (f32x4.add (local.get $s10) (f32x4.mul (v128.load32_splat (local.get $pa1)) (local.get $v))))
          (local.set $pa0 (i32.add (local.get $pa0) (local.get $ac)))
          (local.set $pa1 (i32.add (local.get $pa1) (local.get $ac)))
          (local.set $pw (i32.add (local.get $pw) (local.get $ws)))
          (local.set $k (i32.sub (local.get $k) (i32.const 1)))
          (br_if $ks (local.get $k)))
        (call $put4 (local.get $acc) (local.get $o0) (local.get $bias) (i32.shl (local.get $q) (i32.const 1)) (local.get $s00))
        (if (i32.ge_s (local.get $o1) (i32.const 0))
          (then
            (call $put4 (local.get $acc) (local.get $o1) (local.get $bias) (i32.shl (local.get $q) (i32.const 1)) (local.get $s10))))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $cols4)))
    ;; the last one to three columns
    (block $end1
      (loop $cols1
        (br_if $end1 (i32.ge_u (local.get $q) (local.get $N4)))
        (local.set $t0 (f32.const 0))
        (local.set $t1 (f32.const 0))
        (local.set $pa0 (local.get $a0))
        (local.set $pa1 (local.get $a1))
        (local.set $pw (i32.add (local.get $w) (local.get $q)))
        (local.set $k (local.get $K))
        (loop $ks
          (local.set $y (f32.load (local.get $pw)))
          (local.set $t0 (f32.add (local.get $t0) (f32.mul (f32.load (local.get $pa0)) (local.get $y))))
          (local.set $t1 (f32.add (local.get $t1) (f32.mul (f32.load (local.get $pa1)) (local.get $y))))
          (local.set $pa0 (i32.add (local.get $pa0) (local.get $ac)))
          (local.set $pa1 (i32.add (local.get $pa1) (local.get $ac)))
          (local.set $pw (i32.add (local.get $pw) (local.get $ws)))
          (local.set $k (i32.sub (local.get $k) (i32.const 1)))
          (br_if $ks (local.get $k)))
        (f64.store (i32.add (local.get $o0) (i32.shl (local.get $q) (i32.const 1)))
          (f64.add (call $start1 (local.get $acc) (local.get $o0) (local.get $bias) (i32.shl (local.get $q) (i32.const 1)))
            (f64.promote_f32 (local.get $t0))))
        (if (i32.ge_s (local.get $o1) (i32.const 0))
          (then
            (f64.store (i32.add (local.get $o1) (i32.shl (local.get $q) (i32.const 1)))
              (f64.add (call $start1 (local.get $acc) (local.get $o1) (local.get $bias) (i32.shl (local.get $q) (i32.const 1)))
                (f64.promote_f32 (local.get $t1))))))
        (local.set $q (i32.add (local.get $q) (i32.const 4)))
        (br $cols1))))

  ;; The row number of list entry m: rows[m], or m itself when there is no list.
  (func $row (param $rows i32) (param $m i32) (result i32)
    (if (result i32) (local.get $rows)
      (then (i32.load (i32.add (local.get $rows) (i32.shl (local.get $m) (i32.const 2)))))
      (else (local.get $m))))

  ;; The K float64 values at a, ac bytes apart, rounded to float32 into the K contiguous ones at to; four
  ;; at a time when they are contiguous (ac = 8).
  (func $round (param $to i32) (param $a i32) (param $ac i32) (param $K i32)
    (if (i32.eq (local.get $ac) (i32.const 8))
      (then
        (block $tail
          (loop $fours
            (br_if $tail (i32.lt_s (local.get $K) (i32.const 4)))
            (v128.store (local.get $to) (call $load4 (local.get $a)))
            (local.set $to (i32.add (local.get $to) (i32.const 16)))
            (local.set $a (i32.add (local.get $a) (i32.const 32)))
            (local.set $K (i32.sub (local.get $K) (i32.const 4)))
            (br $fours)))))
    (block $done
      (loop $ks
        (br_if $done (i32.le_s (local.get $K) (i32.const 0)))
        (f32.store (local.get $to) (f32.demote_f64 (f64.load (local.get $a))))
        (local.set $to (i32.add (local.get $to) (i32.const 4)))
        (local.set $a (i32.add (local.get $a) (local.get $ac)))
        (local.set $K (i32.sub (local.get $K) (i32.const 1)))
        (br $ks))))

  ;; gemm32(out, os, a, ar, ac, w, ws, bias, rows, M, N, K, acc, scratch): see the top of the file. Each
  ;; pair of A rows is first rounded to float32 into scratch (room for 2K float32 numbers), so the product
  ;; loops load each A value as one float32 however many column blocks read it. scratch = 0 means A is
  ;; float32 already (ar and ac in bytes of its 4-byte numbers) and is read in place.
  (func (export "gemm32")
    (param $out i32) (param $os i32) (param $a i32) (param $ar i32) (param $ac i32)
    (param $w i32) (param $ws i32) (param $bias i32) (param $rows i32)
    (param $M i32) (param $N i32) (param $K i32) (param $acc i32) (param $scratch i32)
    (local $m i32) (local $r0 i32) (local $r1 i32) (local $N4 i32) (local $second i32)
    (local $a0 i32) (local $a1 i32) (local $step i32)
    (local.set $N4 (i32.shl (local.get $N) (i32.const 2)))
    (local.set $second (i32.add (local.get $scratch) (i32.shl (local.get $K) (i32.const 2))))
    (local.set $step (if (result i32) (local.get $scratch) (then (i32.const 4)) (else (local.get $ac))))
    (if (i32.le_s (local.get $K) (i32.const 0)) (then (unreachable)))
    (block $end
      (loop $pairs
        (br_if $end (i32.gt_s (i32.add (local.get $m) (i32.const 2)) (local.get $M)))
        (local.set $r0 (call $row (local.get $rows) (local.get $m)))
        (local.set $r1 (call $row (local.get $rows) (i32.add (local.get $m) (i32.const 1))))
        (local.set $a0 (i32.add (local.get $a) (i32.mul (local.get $r0) (local.get $ar))))
        (local.set $a1 (i32.add (local.get $a) (i32.mul (local.get $r1) (local.get $ar))))
        (if (local.get $scratch)
          (then
            (call $round (local.get $scratch) (local.get $a0) (local.get $ac) (local.get $K))
            (call $round (local.get $second) (local.get $a1) (local.get $ac) (local.get $K))
            (local.set $a0 (local.get $scratch))
            (local.set $a1 (local.get $second))))
        (call $rows
          (i32.add (local.get $out) (i32.mul (local.get $r0) (local.get $os)))
          (i32.add (local.get $out) (i32.mul (local.get $r1) (local.get $os)))
          (local.get $a0) (local.get $a1) (local.get $step)
          (local.get $w) (local.get $ws) (local.get $bias)
          (local.get $N4) (local.get $K) (local.get $acc))
        (local.set $m (i32.add (local.get $m) (i32.const 2)))
        (br $pairs)))
    (if (i32.lt_s (local.get $m) (local.get $M))
      (then
        (local.set $r0 (call $row (local.get $rows) (local.get $m)))
        (local.set $a0 (i32.add (local.get $a) (i32.mul (local.get $r0) (local.get $ar))))
        (if (local.get $scratch)
          (then
            (call $round (local.get $scratch) (local.get $a0) (local.get $ac) (local.get $K))
            (local.set $a0 (local.get $scratch))))
        ;; One row left: the pair kernel with the second row reading the first's A and writing nowhere.
        (call $rows
          (i32.add (local.get $out) (i32.mul (local.get $r0) (local.get $os)))
          (i32.const -1)
          (local.get $a0) (local.get $a0) (local.get $step)
          (local.get $w) (local.get $ws) (local.get $bias)
          (local.get $N4) (local.get $K) (local.get $acc)))))

  ;; Four float64 numbers at p, rounded to float32, as one vector.
  (func $load4 (param $p i32) (result v128)
    (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
      (f32x4.demote_f64x2_zero (v128.load (local.get $p)))
      (f32x4.demote_f64x2_zero (v128.load offset=16 (local.get $p)))))

  ;; The four numbers of v, widened to float64, at p.
  (func $store4 (param $p i32) (param $v v128)
    (v128.store (local.get $p) (f64x2.promote_low_f32x4 (local.get $v)))
    (v128.store offset=16 (local.get $p)
      (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))))

  ;; The sums xp + hp of four float64 pre-activations at a + off and b + off, in float64, then rounded.
  (func $sum4 (param $a i32) (param $b i32) (param $off i32) (result v128)
    (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
      (f32x4.demote_f64x2_zero (f64x2.add
        (v128.load (i32.add (local.get $a) (local.get $off)))
        (v128.load (i32.add (local.get $b) (local.get $off)))))
      (f32x4.demote_f64x2_zero (f64x2.add
        (v128.load offset=16 (i32.add (local.get $a) (local.get $off)))
        (v128.load offset=16 (i32.add (local.get $b) (local.get $off)))))))

  ;; dense.wat's $act in float32, four lanes: kind 0 the logistic sigmoid, 1 tanh, from exp(x) − shift for
  ;; x = −|a| or −2|a| (below −87.3, where exp is 1.2e-38, the least normal float32, x is taken as −87.3),
  ;; x = k·ln 2 + r with |r| ≤ ln 2 / 2 (ln 2 in two parts),
  ;; exp(r) − 1 = r·q(r) by the Taylor series to r^7 (relative error under 2e-8, below float32's 6e-8),
  ;;   q = (1 + r/2) + (1/3! + r/4!)r² + ((1/5! + r/6!) + r²/7!)r⁴,
  ;; 2^k from its exponent bits; then σ(a) = 1/(1 + e) for a ≥ 0 and e/(1 + e) below, tanh a =
  ;; sign(a)·(−m)/(2 + m) with m = exp(−2|a|) − 1. A few float32 units in the last place everywhere.
  (func $act32 (param $a v128) (param $kind i32) (result v128)
    (local $x v128) (local $shift v128) (local $e v128) (local $s v128) (local $k v128) (local $r v128)
    (local $r2 v128) (local $scale v128)
    (local.set $x (f32x4.neg (f32x4.abs (local.get $a))))
    (if (local.get $kind)
      (then
        (local.set $x (f32x4.add (local.get $x) (local.get $x)))
        (local.set $shift (v128.const f32x4 1 1 1 1))))
    (local.set $x (f32x4.pmax (local.get $x) (v128.const f32x4 -87.3 -87.3 -87.3 -87.3)))
    (local.set $k (f32x4.nearest (f32x4.mul (local.get $x) (v128.const f32x4 1.44269504 1.44269504 1.44269504 1.44269504))))
    (local.set $r (f32x4.sub
      (f32x4.sub (local.get $x) (f32x4.mul (local.get $k) (v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375)))
      (f32x4.mul (local.get $k) (v128.const f32x4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4))))
    (local.set $r2 (f32x4.mul (local.get $r) (local.get $r)))
    (local.set $scale (i32x4.shl
      (i32x4.add (i32x4.trunc_sat_f32x4_s (local.get $k)) (v128.const i32x4 127 127 127 127))
      (i32.const 23)))
    (local.set $e (f32x4.add
      (f32x4.mul (local.get $scale)
        (f32x4.mul (local.get $r)
          (f32x4.add
            (f32x4.add
              (f32x4.add (v128.const f32x4 1 1 1 1) (f32x4.mul (local.get $r) (v128.const f32x4 0.5 0.5 0.5 0.5)))
              (f32x4.mul (local.get $r2)
                (f32x4.add (v128.const f32x4 0.16666667 0.16666667 0.16666667 0.16666667)
                  (f32x4.mul (local.get $r) (v128.const f32x4 0.041666668 0.041666668 0.041666668 0.041666668)))))
            (f32x4.mul (f32x4.mul (local.get $r2) (local.get $r2))
              (f32x4.add
                (f32x4.add (v128.const f32x4 0.008333334 0.008333334 0.008333334 0.008333334)
                  (f32x4.mul (local.get $r) (v128.const f32x4 0.0013888889 0.0013888889 0.0013888889 0.0013888889)))
                (f32x4.mul (local.get $r2) (v128.const f32x4 0.0001984127 0.0001984127 0.0001984127 0.0001984127)))))))
      (f32x4.sub (local.get $scale) (local.get $shift))))
    (if (result v128) (local.get $kind)
      (then
        (v128.or
          (f32x4.div (f32x4.neg (local.get $e)) (f32x4.add (v128.const f32x4 2 2 2 2) (local.get $e)))
          (v128.and (local.get $a) (v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000))))
      (else
        (local.set $s (f32x4.div (v128.const f32x4 1 1 1 1) (f32x4.add (v128.const f32x4 1 1 1 1) (local.get $e))))
        (v128.bitselect (local.get $s) (f32x4.mul (local.get $e) (local.get $s))
          (f32x4.ge (local.get $a) (v128.const f32x4 0 0 0 0))))))

  ;; activateRows32(base, stride, rows, count, n, kind): dense.wat's activateRows in float32 (each float64
  ;; number rounded, activated by $act32, widened back), four at a time.
  (func (export "activateRows32")
    (param $base i32) (param $stride i32) (param $rows i32) (param $count i32) (param $n i32) (param $kind i32)
    (local $m i32) (local $p i32) (local $end i32)
    (block $done
      (loop $each
        (br_if $done (i32.ge_s (local.get $m) (local.get $count)))
        (local.set $p (i32.add (local.get $base) (i32.mul (call $row (local.get $rows) (local.get $m)) (local.get $stride))))
        (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
        (block $tail
          (loop $fours
            (br_if $tail (i32.gt_u (i32.add (local.get $p) (i32.const 32)) (local.get $end)))
            (call $store4 (local.get $p) (call $act32 (call $load4 (local.get $p)) (local.get $kind)))
            (local.set $p (i32.add (local.get $p) (i32.const 32)))
            (br $fours)))
        (block $last
          (loop $ones
            (br_if $last (i32.ge_u (local.get $p) (local.get $end)))
            (f64.store (local.get $p) (f64.promote_f32 (f32x4.extract_lane 0
              (call $act32 (f32x4.splat (f32.demote_f64 (f64.load (local.get $p)))) (local.get $kind)))))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))
            (br $ones)))
        (local.set $m (i32.add (local.get $m) (i32.const 1)))
        (br $each))))

  ;; lstmForward32(xp, hp, gates, extra, cPrev, cNext, hNext, rows, count, H): dense.wat's lstmForward with
  ;; the gates, the cell state's update and tanh in float32, four units at a time (the pre-activations xp + hp
  ;; summed in float64 first); what it stores is float64, as the backward reads it. H must be a multiple of 4.
  (func (export "lstmForward32")
    (param $xp i32) (param $hp i32) (param $gates i32) (param $extra i32) (param $cPrev i32) (param $cNext i32)
    (param $hNext i32) (param $rows i32) (param $count i32) (param $H i32)
    (local $m i32) (local $H8 i32) (local $px i32) (local $ph i32) (local $pg i32) (local $ps i32) (local $end i32)
    (local $i v128) (local $f v128) (local $g v128) (local $o v128) (local $c v128)
    (local.set $H8 (i32.shl (local.get $H) (i32.const 3)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_s (local.get $m) (local.get $count)))
        (local.set $ps (i32.mul (call $row (local.get $rows) (local.get $m)) (local.get $H8)))
        (local.set $px (i32.add (local.get $xp) (i32.shl (local.get $ps) (i32.const 2))))
        (local.set $ph (i32.add (local.get $hp) (i32.shl (local.get $ps) (i32.const 2))))
        (local.set $pg (i32.add (local.get $gates) (i32.shl (local.get $ps) (i32.const 2))))
        (local.set $end (i32.add (local.get $ps) (local.get $H8)))
        (loop $units
          (local.set $i (call $act32 (call $sum4 (local.get $px) (local.get $ph) (i32.const 0)) (i32.const 0)))
          (local.set $f (call $act32 (call $sum4 (local.get $px) (local.get $ph) (local.get $H8)) (i32.const 0)))
          (local.set $g (call $act32 (call $sum4 (local.get $px) (local.get $ph) (i32.shl (local.get $H8) (i32.const 1))) (i32.const 1)))
          (local.set $o (call $act32 (call $sum4 (local.get $px) (local.get $ph) (i32.mul (local.get $H8) (i32.const 3))) (i32.const 0)))
          (call $store4 (local.get $pg) (local.get $i))
          (call $store4 (i32.add (local.get $pg) (local.get $H8)) (local.get $f))
          (call $store4 (i32.add (local.get $pg) (i32.shl (local.get $H8) (i32.const 1))) (local.get $g))
          (call $store4 (i32.add (local.get $pg) (i32.mul (local.get $H8) (i32.const 3))) (local.get $o))
          (local.set $c (f32x4.add
            (f32x4.mul (local.get $f) (call $load4 (i32.add (local.get $cPrev) (local.get $ps))))
            (f32x4.mul (local.get $i) (local.get $g))))
          (call $store4 (i32.add (local.get $cNext) (local.get $ps)) (local.get $c))
          (local.set $c (call $act32 (local.get $c) (i32.const 1)))
          (call $store4 (i32.add (local.get $extra) (local.get $ps)) (local.get $c))
          (call $store4 (i32.add (local.get $hNext) (local.get $ps)) (f32x4.mul (local.get $o) (local.get $c)))
          (local.set $px (i32.add (local.get $px) (i32.const 32)))
          (local.set $ph (i32.add (local.get $ph) (i32.const 32)))
          (local.set $pg (i32.add (local.get $pg) (i32.const 32)))
          (local.set $ps (i32.add (local.get $ps) (i32.const 32)))
          (br_if $units (i32.lt_u (local.get $ps) (local.get $end))))
        (local.set $m (i32.add (local.get $m) (i32.const 1)))
        (br $each))))

  ;; peak32(n): the float32 counterpart of dense.wat's peak, 12 independent f32x4 multiply-adds a round
  ;; (12·4 lanes·2 = 96 floating-point operations), for the benchmark.
  (func (export "peak32") (param $n i32) (param $mul f32) (param $add f32) (result f32)
    (local $m v128) (local $c v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128) (local $a8 v128) (local $a9 v128) (local $a10 v128) (local $a11 v128)
    (local.set $m (f32x4.splat (local.get $mul)))
    (local.set $c (f32x4.splat (local.get $add)))
    (block $done
      (loop $rounds
        (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
        (local.set $a0 (f32x4.add (f32x4.mul (local.get $a0) (local.get $m)) (local.get $c)))
        (local.set $a1 (f32x4.add (f32x4.mul (local.get $a1) (local.get $m)) (local.get $c)))
        (local.set $a2 (f32x4.add (f32x4.mul (local.get $a2) (local.get $m)) (local.get $c)))
        (local.set $a3 (f32x4.add (f32x4.mul (local.get $a3) (local.get $m)) (local.get $c)))
        (local.set $a4 (f32x4.add (f32x4.mul (local.get $a4) (local.get $m)) (local.get $c)))
        (local.set $a5 (f32x4.add (f32x4.mul (local.get $a5) (local.get $m)) (local.get $c)))
        (local.set $a6 (f32x4.add (f32x4.mul (local.get $a6) (local.get $m)) (local.get $c)))
        (local.set $a7 (f32x4.add (f32x4.mul (local.get $a7) (local.get $m)) (local.get $c)))
        (local.set $a8 (f32x4.add (f32x4.mul (local.get $a8) (local.get $m)) (local.get $c)))
        (local.set $a9 (f32x4.add (f32x4.mul (local.get $a9) (local.get $m)) (local.get $c)))
        (local.set $a10 (f32x4.add (f32x4.mul (local.get $a10) (local.get $m)) (local.get $c)))
        (local.set $a11 (f32x4.add (f32x4.mul (local.get $a11) (local.get $m)) (local.get $c)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $rounds)))
    (local.set $m (f32x4.add (f32x4.add (f32x4.add (local.get $a0) (f32x4.add (local.get $a1) (local.get $a2))) (f32x4.add (local.get $a3) (f32x4.add (local.get $a4) (local.get $a5)))) (f32x4.add (f32x4.add (local.get $a6) (f32x4.add (local.get $a7) (local.get $a8))) (f32x4.add (local.get $a9) (f32x4.add (local.get $a10) (local.get $a11))))))
    (f32.add (f32x4.extract_lane 0 (local.get $m)) (f32x4.extract_lane 1 (local.get $m))))
)
