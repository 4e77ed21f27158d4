;; The hot loops of engine/cells/ in WebAssembly, float64 with 128-bit SIMD (two lanes per vector): the
;; matrix products and the gate nonlinearities. Compiled by scripts/build-wasm.ts into
;; engine/wasm/denseModule.ts; tests/unit/wasmDense.test.ts checks that the committed module is this file's
;; compilation, that gemm matches a plain loop exactly and activate matches Math to 1e-15, and that a
;; whole layer gives the JavaScript kernels' results.
;;
;; gemm: for each listed row r and each column n < N,
;;   out[r·os + n] = (acc ? out[r·os + n] : bias ? bias[n] : 0) + Σ_{k<K} A[r·ar + k·ac] · W[k·ws + n]
;; Strides are in bytes; W's columns are contiguous, so two columns are one vector and every A value is
;; loaded once and splatted across a vector. Rows go two at a time and columns eight at a time (eight
;; accumulators), then two, then one. rows = 0 means rows 0..M-1; otherwise it points at M i32 row numbers.
;; Address 0 is never a buffer (the workspace starts its buffers at 16), so bias = 0 means no bias.
;; activate: the logistic sigmoid or tanh in place over a run of numbers, two at a time (see $act);
;; activateRows: the same over one run in each of a list of rows. peak: the f64x2 ceiling the benchmark
;; compares the engine with.
(module
  (import "env" "memory" (memory 1))

  ;; The starting value of an output vector at column byte offset q of output row o: what is there when
  ;; accumulating, else the bias, else 0.
  (func $start2 (param $acc i32) (param $o i32) (param $bias i32) (param $q i32) (result v128)
    (if (result v128) (local.get $acc)
      (then (v128.load (i32.add (local.get $o) (local.get $q))))
      (else
        (if (result v128) (local.get $bias)
          (then (v128.load (i32.add (local.get $bias) (local.get $q))))
          (else (v128.const f64x2 0 0))))))

  (func $start1 (param $acc i32) (param $o i32) (param $bias i32) (param $q i32) (result f64)
    (if (result f64) (local.get $acc)
      (then (f64.load (i32.add (local.get $o) (local.get $q))))
      (else
        (if (result f64) (local.get $bias)
          (then (f64.load (i32.add (local.get $bias) (local.get $q))))
          (else (f64.const 0))))))

  ;; Two output rows o0, o1 from A rows a0, a1.
  (func $two
    (param $o0 i32) (param $o1 i32) (param $a0 i32) (param $a1 i32) (param $ac i32)
    (param $w i32) (param $ws i32) (param $bias i32) (param $N8 i32) (param $K i32) (param $acc i32)
    (local $q i32) (local $pa0 i32) (local $pa1 i32) (local $pw i32) (local $k i32)
    (local $x0 v128) (local $x1 v128) (local $v v128)
    (local $s00 v128) (local $s01 v128) (local $s02 v128) (local $s03 v128)
    (local $s10 v128) (local $s11 v128) (local $s12 v128) (local $s13 v128)
    (local $t0 f64) (local $t1 f64) (local $y f64)
    ;; eight columns at a time
    (block $end8
      (loop $cols8
        (br_if $end8 (i32.gt_u (i32.add (local.get $q) (i32.const 64)) (local.get $N8)))
        (if (local.get $acc)
          (then
            (local.set $s00 (v128.load (i32.add (local.get $o0) (local.get $q))))
            (local.set $s01 (v128.load offset=16 (i32.add (local.get $o0) (local.get $q))))
            (local.set $s02 (v128.load offset=32 (i32.add (local.get $o0) (local.get $q))))
            (local.set $s03 (v128.load offset=48 (i32.add (local.get $o0) (local.get $q))))
            (local.set $s10 (v128.load (i32.add (local.get $o1) (local.get $q))))
            (local.set $s11 (v128.load offset=16 (i32.add (local.get $o1) (local.get $q))))
            (local.set $s12 (v128.load offset=32 (i32.add (local.get $o1) (local.get $q))))
            (local.set $s13 (v128.load offset=48 (i32.add (local.get $o1) (local.get $q)))))
          (else
            (local.set $s00 (call $start2 (i32.const 0) (i32.const 0) (local.get $bias) (local.get $q)))
            (local.set $s01 (call $start2 (i32.const 0) (i32.const 0) (local.get $bias) (i32.add (local.get $q) (i32.const 16))))
            (local.set $s02 (call $start2 (i32.const 0) (i32.const 0) (local.get $bias) (i32.add (local.get $q) (i32.const 32))))
            (local.set $s03 (call $start2 (i32.const 0) (i32.const 0) (local.get $bias) (i32.add (local.get $q) (i32.const 48))))
            (local.set $s10 (local.get $s00))
            (local.set $s11 (local.get $s01))
            (local.set $s12 (local.get $s02))
            (local.set $s13 (local.get $s03))))
        (local.set $pa0 (local.get $a0))
        (local.set $pa1 (local.get $a1))
        (local.set $pw (i32.add (local.get $w) (local.get $q)))
        (local.set $k (local.get $K))
        (loop $ks
          (local.set $x0 (v128.load64_splat (local.get $pa0)))
          (local.set $x1 (v128.load64_splat (local.get $pa1)))
          (local.set $v (v128.load (local.get $pw)))
          (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $x0) (local.get $v))))
          (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $x1) (local.get $v))))
          (local.set $v (v128.load offset=16 (local.get $pw)))
          (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $x0) (local.get $v))))
          (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $x1) (local.get $v))))
          (local.set $v (v128.load offset=32 (local.get $pw)))
          (local.set $s02 (f64x2.add (local.get $s02) (f64x2.mul (local.get $x0) (local.get $v))))
          (local.set $s12 (f64x2.add (local.get $s12) (f64x2.mul (local.get $x1) (local.get $v))))
          (local.set $v (v128.load offset=48 (local.get $pw)))
          (local.set $s03 (f64x2.add (local.get $s03) (f64x2.mul (local.get $x0) (local.get $v))))
          (local.set $s13 (f64x2.add (local.get $s13) (f64x2.mul (local.get $x1) (local.get $v))))
          (local.set $pa0 (i32.add (local.get $pa0) (local.get $ac)))
          (local.set $pa1 (i32.add (local.get $pa1) (local.get $ac)))
          (local.set $pw (i32.add (local.get $pw) (local.get $ws)))
          (local.set $k (i32.sub (local.get $k) (i32.const 1)))
          (br_if $ks (local.get $k)))
        (v128.store (i32.add (local.get $o0) (local.get $q)) (local.get $s00))
        (v128.store offset=16 (i32.add (local.get $o0) (local.get $q)) (local.get $s01))
        (v128.store offset=32 (i32.add (local.get $o0) (local.get $q)) (local.get $s02))
        (v128.store offset=48 (i32.add (local.get $o0) (local.get $q)) (local.get $s03))
        (v128.store (i32.add (local.get $o1) (local.get $q)) (local.get $s10))
        (v128.store offset=16 (i32.add (local.get $o1) (local.get $q)) (local.get $s11))
        (v128.store offset=32 (i32.add (local.get $o1) (local.get $q)) (local.get $s12))
        (v128.store offset=48 (i32.add (local.get $o1) (local.get $q)) (local.get $s13))
        (local.set $q (i32.add (local.get $q) (i32.const 64)))
        (br $cols8)))
    ;; two columns at a time
    (block $end2
      (loop $cols2
        (br_if $end2 (i32.gt_u (i32.add (local.get $q) (i32.const 16)) (local.get $N8)))
        (local.set $s00 (call $start2 (local.get $acc) (local.get $o0) (local.get $bias) (local.get $q)))
        (local.set $s10 (call $start2 (local.get $acc) (local.get $o1) (local.get $bias) (local.get $q)))
        (local.set $pa0 (local.get $a0))
        (local.set $pa1 (local.get $a1))
        (local.set $pw (i32.add (local.get $w) (local.get $q)))
        (local.set $k (local.get $K))
        (loop $ks
          (local.set $v (v128.load (local.get $pw)))
          (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (v128.load64_splat (local.get $pa0)) (local.get $v))))
          (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (v128.load64_splat (local.get $pa1)) (local.get $v))))
          (local.set $pa0 (i32.add (local.get $pa0) (local.get $ac)))
          (local.set $pa1 (i32.add (local.get $pa1) (local.get $ac)))
          (local.set $pw (i32.add (local.get $pw) (local.get $ws)))
          (local.set $k (i32.sub (local.get $k) (i32.const 1)))
          (br_if $ks (local.get $k)))
        (v128.store (i32.add (local.get $o0) (local.get $q)) (local.get $s00))
        (v128.store (i32.add (local.get $o1) (local.get $q)) (local.get $s10))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $cols2)))
    ;; the last column of an odd N
    (if (i32.lt_u (local.get $q) (local.get $N8))
      (then
        (local.set $t0 (call $start1 (local.get $acc) (local.get $o0) (local.get $bias) (local.get $q)))
        (local.set $t1 (call $start1 (local.get $acc) (local.get $o1) (local.get $bias) (local.get $q)))
        (local.set $pa0 (local.get $a0))
        (local.set $pa1 (local.get $a1))
        (local.set $pw (i32.add (local.get $w) (local.get $q)))
        (local.set $k (local.get $K))
        (loop $ks
          (local.set $y (f64.load (local.get $pw)))
          (local.set $t0 (f64.add (local.get $t0) (f64.mul (f64.load (local.get $pa0)) (local.get $y))))
          (local.set $t1 (f64.add (local.get $t1) (f64.mul (f64.load (local.get $pa1)) (local.get $y))))
          (local.set $pa0 (i32.add (local.get $pa0) (local.get $ac)))
          (local.set $pa1 (i32.add (local.get $pa1) (local.get $ac)))
          (local.set $pw (i32.add (local.get $pw) (local.get $ws)))
          (local.set $k (i32.sub (local.get $k) (i32.const 1)))
          (br_if $ks (local.get $k)))
        (f64.store (i32.add (local.get $o0) (local.get $q)) (local.get $t0))
        (f64.store (i32.add (local.get $o1) (local.get $q)) (local.get $t1)))))

  ;; One output row o0 from A row a0: the same blocks with half the accumulators.
  (func $one
    (param $o0 i32) (param $a0 i32) (param $ac i32)
    (param $w i32) (param $ws i32) (param $bias i32) (param $N8 i32) (param $K i32) (param $acc i32)
    (local $q i32) (local $pa0 i32) (local $pw i32) (local $k i32)
    (local $x0 v128)
    (local $s00 v128) (local $s01 v128) (local $s02 v128) (local $s03 v128)
    (local $t0 f64)
    (block $end8
      (loop $cols8
        (br_if $end8 (i32.gt_u (i32.add (local.get $q) (i32.const 64)) (local.get $N8)))
        (local.set $s00 (call $start2 (local.get $acc) (local.get $o0) (local.get $bias) (local.get $q)))
        (local.set $s01 (call $start2 (local.get $acc) (local.get $o0) (local.get $bias) (i32.add (local.get $q) (i32.const 16))))
        (local.set $s02 (call $start2 (local.get $acc) (local.get $o0) (local.get $bias) (i32.add (local.get $q) (i32.const 32))))
        (local.set $s03 (call $start2 (local.get $acc) (local.get $o0) (local.get $bias) (i32.add (local.get $q) (i32.const 48))))
        (local.set $pa0 (local.get $a0))
        (local.set $pw (i32.add (local.get $w) (local.get $q)))
        (local.set $k (local.get $K))
        (loop $ks
          (local.set $x0 (v128.load64_splat (local.get $pa0)))
          (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $x0) (v128.load (local.get $pw)))))
          (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $x0) (v128.load offset=16 (local.get $pw)))))
          (local.set $s02 (f64x2.add (local.get $s02) (f64x2.mul (local.get $x0) (v128.load offset=32 (local.get $pw)))))
          (local.set $s03 (f64x2.add (local.get $s03) (f64x2.mul (local.get $x0) (v128.load offset=48 (local.get $pw)))))
          (local.set $pa0 (i32.add (local.get $pa0) (local.get $ac)))
          (local.set $pw (i32.add (local.get $pw) (local.get $ws)))
          (local.set $k (i32.sub (local.get $k) (i32.const 1)))
          (br_if $ks (local.get $k)))
        (v128.store (i32.add (local.get $o0) (local.get $q)) (local.get $s00))
        (v128.store offset=16 (i32.add (local.get $o0) (local.get $q)) (local.get $s01))
        (v128.store offset=32 (i32.add (local.get $o0) (local.get $q)) (local.get $s02))
        (v128.store offset=48 (i32.add (local.get $o0) (local.get $q)) (local.get $s03))
        (local.set $q (i32.add (local.get $q) (i32.const 64)))
        (br $cols8)))
    (block $end2
      (loop $cols2
        (br_if $end2 (i32.gt_u (i32.add (local.get $q) (i32.const 16)) (local.get $N8)))
        (local.set $s00 (call $start2 (local.get $acc) (local.get $o0) (local.get $bias) (local.get $q)))
        (local.set $pa0 (local.get $a0))
        (local.set $pw (i32.add (local.get $w) (local.get $q)))
        (local.set $k (local.get $K))
        (loop $ks
          (local.set $s00 (f64x2.add (local.get $s00)
            (f64x2.mul (v128.load64_splat (local.get $pa0)) (v128.load (local.get $pw)))))
          (local.set $pa0 (i32.add (local.get $pa0) (local.get $ac)))
          (local.set $pw (i32.add (local.get $pw) (local.get $ws)))
          (local.set $k (i32.sub (local.get $k) (i32.const 1)))
          (br_if $ks (local.get $k)))
        (v128.store (i32.add (local.get $o0) (local.get $q)) (local.get $s00))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $cols2)))
    (if (i32.lt_u (local.get $q) (local.get $N8))
      (then
        (local.set $t0 (call $start1 (local.get $acc) (local.get $o0) (local.get $bias) (local.get $q)))
        (local.set $pa0 (local.get $a0))
        (local.set $pw (i32.add (local.get $w) (local.get $q)))
        (local.set $k (local.get $K))
        (loop $ks
          (local.set $t0 (f64.add (local.get $t0)
            (f64.mul (f64.load (local.get $pa0)) (f64.load (local.get $pw)))))
          (local.set $pa0 (i32.add (local.get $pa0) (local.get $ac)))
          (local.set $pw (i32.add (local.get $pw) (local.get $ws)))
          (local.set $k (i32.sub (local.get $k) (i32.const 1)))
          (br_if $ks (local.get $k)))
        (f64.store (i32.add (local.get $o0) (local.get $q)) (local.get $t0)))))

  ;; The row number of list entry m: rows[m], or m itself when there is no list.
  (func $row (param $rows i32) (param $m i32) (result i32)
    (if (result i32) (local.get $rows)
      (then (i32.load (i32.add (local.get $rows) (i32.shl (local.get $m) (i32.const 2)))))
      (else (local.get $m))))

  (func (export "gemm")
    (param $out i32) (param $os i32) (param $a i32) (param $ar i32) (param $ac i32)
    (param $w i32) (param $ws i32) (param $bias i32) (param $rows i32)
    (param $M i32) (param $N i32) (param $K i32) (param $acc i32)
    (local $m i32) (local $r0 i32) (local $r1 i32) (local $N8 i32)
    (local.set $N8 (i32.shl (local.get $N) (i32.const 3)))
    (if (i32.le_s (local.get $K) (i32.const 0)) (then (unreachable)))
    (block $end
      (loop $pairs
        (br_if $end (i32.gt_s (i32.add (local.get $m) (i32.const 2)) (local.get $M)))
        (local.set $r0 (call $row (local.get $rows) (local.get $m)))
        (local.set $r1 (call $row (local.get $rows) (i32.add (local.get $m) (i32.const 1))))
        (call $two
          (i32.add (local.get $out) (i32.mul (local.get $r0) (local.get $os)))
          (i32.add (local.get $out) (i32.mul (local.get $r1) (local.get $os)))
          (i32.add (local.get $a) (i32.mul (local.get $r0) (local.get $ar)))
          (i32.add (local.get $a) (i32.mul (local.get $r1) (local.get $ar)))
          (local.get $ac) (local.get $w) (local.get $ws) (local.get $bias)
          (local.get $N8) (local.get $K) (local.get $acc))
        (local.set $m (i32.add (local.get $m) (i32.const 2)))
        (br $pairs)))
    (if (i32.lt_s (local.get $m) (local.get $M))
      (then
        (local.set $r0 (call $row (local.get $rows) (local.get $m)))
        (call $one
          (i32.add (local.get $out) (i32.mul (local.get $r0) (local.get $os)))
          (i32.add (local.get $a) (i32.mul (local.get $r0) (local.get $ar)))
          (local.get $ac) (local.get $w) (local.get $ws) (local.get $bias)
          (local.get $N8) (local.get $K) (local.get $acc)))))

  ;; The gate nonlinearities, two lanes: kind 0 the logistic sigmoid, 1 tanh, both from exp(x) − shift
  ;; for x = −|a| (shift 0) or −2|a| (shift 1), computed as 2^k·(exp(r) − 1) + (2^k − shift): exp(x)
  ;; and exp(x) − 1 both accurate to a few units in the last place, the second even near 0. x below −700 is taken as −700 (exp is then under 1e-304). x = k·ln 2 + r with
  ;; |r| ≤ ln 2 / 2 (ln 2 split in two parts so k·ln2_hi is exact); exp(r) − 1 = r·q(r) by the Taylor
  ;; series to r^12 (relative error under 3e-16), q evaluated by Estrin's scheme so the chain of dependent
  ;; operations is short:
  ;;   q = q0 + (q1 + q2·r⁴)·r⁴,   q0 = (1 + r/2!) + (1/3! + r/4!)r²,
  ;;   q1 = (1/5! + r/6!) + (1/7! + r/8!)r²,   q2 = (1/9! + r/10!) + (1/11! + r/12!)r²
  ;; 2^k is built from its exponent bits. NaN stays NaN.
  ;; Then σ(a) = 1/(1 + e) for a ≥ 0 and e/(1 + e) below (e = exp(−|a|), so nothing overflows), and
  ;; tanh a = sign(a)·(−m)/(2 + m) with m = exp(−2|a|) − 1, accurate near 0 as everywhere. One function
  ;; for both, so that each nonlinearity costs one call.
  (func $act (param $a v128) (param $kind i32) (result v128)
    (local $x v128) (local $shift v128) (local $e v128) (local $s v128)
    (local $k v128) (local $r v128) (local $r2 v128) (local $r4 v128) (local $scale v128)
    (local $q0 v128) (local $q1 v128) (local $q2 v128)
    (local.set $x (f64x2.neg (f64x2.abs (local.get $a))))
    (if (local.get $kind)
      (then
        (local.set $x (f64x2.add (local.get $x) (local.get $x)))
        (local.set $shift (v128.const f64x2 1 1))))
    (local.set $x (f64x2.pmax (local.get $x) (v128.const f64x2 -700 -700)))
    (local.set $k (f64x2.nearest (f64x2.mul (local.get $x) (v128.const f64x2 1.4426950408889634 1.4426950408889634))))
    (local.set $r (f64x2.sub
      (f64x2.sub (local.get $x) (f64x2.mul (local.get $k) (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01)))
      (f64x2.mul (local.get $k) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10))))
    (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
    (local.set $r4 (f64x2.mul (local.get $r2) (local.get $r2)))
    (local.set $scale (i64x2.shl
      (i64x2.add
        (i64x2.extend_low_i32x4_s (i32x4.trunc_sat_f64x2_s_zero (local.get $k)))
        (v128.const i64x2 1023 1023))
      (i32.const 52)))
    (local.set $q0 (f64x2.add
      (f64x2.add (v128.const f64x2 1 1) (f64x2.mul (local.get $r) (v128.const f64x2 0.5 0.5)))
      (f64x2.mul (local.get $r2) (f64x2.add (v128.const f64x2 0.16666666666666666 0.16666666666666666) (f64x2.mul (local.get $r) (v128.const f64x2 0.041666666666666664 0.041666666666666664))))))
    (local.set $q1 (f64x2.add
      (f64x2.add (v128.const f64x2 0.008333333333333333 0.008333333333333333) (f64x2.mul (local.get $r) (v128.const f64x2 0.001388888888888889 0.001388888888888889)))
      (f64x2.mul (local.get $r2) (f64x2.add (v128.const f64x2 0.0001984126984126984 0.0001984126984126984) (f64x2.mul (local.get $r) (v128.const f64x2 2.48015873015873e-05 2.48015873015873e-05))))))
    (local.set $q2 (f64x2.add
      (f64x2.add (v128.const f64x2 2.7557319223985893e-06 2.7557319223985893e-06) (f64x2.mul (local.get $r) (v128.const f64x2 2.755731922398589e-07 2.755731922398589e-07)))
      (f64x2.mul (local.get $r2) (f64x2.add (v128.const f64x2 2.505210838544172e-08 2.505210838544172e-08) (f64x2.mul (local.get $r) (v128.const f64x2 2.08767569878681e-09 2.08767569878681e-09))))))
    (local.set $e (f64x2.add
      (f64x2.mul (local.get $scale)
        (f64x2.mul (local.get $r)
          (f64x2.add (local.get $q0)
            (f64x2.mul (local.get $r4)
              (f64x2.add (local.get $q1) (f64x2.mul (local.get $r4) (local.get $q2)))))))
      (f64x2.sub (local.get $scale) (local.get $shift))))
    (if (result v128) (local.get $kind)
      (then
        (v128.or
          (f64x2.div (f64x2.neg (local.get $e)) (f64x2.add (v128.const f64x2 2 2) (local.get $e)))
          (v128.and (local.get $a) (v128.const i64x2 0x8000000000000000 0x8000000000000000))))
      (else
        (local.set $s (f64x2.div (v128.const f64x2 1 1) (f64x2.add (v128.const f64x2 1 1) (local.get $e))))
        (v128.bitselect (local.get $s) (f64x2.mul (local.get $e) (local.get $s))
          (f64x2.ge (local.get $a) (v128.const f64x2 0 0))))))

  ;; activate(p, n, kind): in place over the n numbers at byte address p, kind 0 the logistic sigmoid,
  ;; 1 tanh, two at a time.
  (func $activate (export "activate") (param $p i32) (param $n i32) (param $kind i32)
    (local $end i32) (local $x v128)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $pairs
        (br_if $done (i32.gt_u (i32.add (local.get $p) (i32.const 16)) (local.get $end)))
        (local.set $x (v128.load (local.get $p)))
        (v128.store (local.get $p)
          (call $act (local.get $x) (local.get $kind)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $pairs)))
    (if (i32.lt_u (local.get $p) (local.get $end))
      (then
        (local.set $x (v128.load64_zero (local.get $p)))
        (f64.store (local.get $p)
          (f64x2.extract_lane 0
            (call $act (local.get $x) (local.get $kind)))))))

  ;; activateRows(base, stride, rows, count, n, kind): activate over the n numbers at base + r·stride for
  ;; each listed row r (rows as in gemm), so one call covers a block of gates across the whole batch.
  (func (export "activateRows")
    (param $base i32) (param $stride i32) (param $rows i32) (param $count i32) (param $n i32) (param $kind i32)
    (local $m i32)
    (block $done
      (loop $each
        (br_if $done (i32.ge_s (local.get $m) (local.get $count)))
        (call $activate
          (i32.add (local.get $base) (i32.mul (call $row (local.get $rows) (local.get $m)) (local.get $stride)))
          (local.get $n) (local.get $kind))
        (local.set $m (i32.add (local.get $m) (i32.const 1)))
        (br $each))))

  ;; The sum of the two vectors at a + off and b + off: a gate's pre-activation xp + hp.
  (func $sum2 (param $a i32) (param $b i32) (param $off i32) (result v128)
    (f64x2.add (v128.load (i32.add (local.get $a) (local.get $off))) (v128.load (i32.add (local.get $b) (local.get $off)))))

  ;; lstmForward(xp, hp, gates, extra, cPrev, cNext, hNext, rows, count, H): engine/cells/lstm.ts's forward,
  ;; fused, for each listed row r (rows as in gemm), two units at a time, in the same order of operations
  ;; (so the same numbers as that forward with activate). Byte addresses of row 0; row r is r·4H numbers
  ;; further for xp, hp and gates, r·H for the others. H must be even.
  (func (export "lstmForward")
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
          (local.set $i (call $act (call $sum2 (local.get $px) (local.get $ph) (i32.const 0)) (i32.const 0)))
          (local.set $f (call $act (call $sum2 (local.get $px) (local.get $ph) (local.get $H8)) (i32.const 0)))
          (local.set $g (call $act (call $sum2 (local.get $px) (local.get $ph) (i32.shl (local.get $H8) (i32.const 1))) (i32.const 1)))
          (local.set $o (call $act (call $sum2 (local.get $px) (local.get $ph) (i32.mul (local.get $H8) (i32.const 3))) (i32.const 0)))
          (v128.store (local.get $pg) (local.get $i))
          (v128.store (i32.add (local.get $pg) (local.get $H8)) (local.get $f))
          (v128.store (i32.add (local.get $pg) (i32.shl (local.get $H8) (i32.const 1))) (local.get $g))
          (v128.store (i32.add (local.get $pg) (i32.mul (local.get $H8) (i32.const 3))) (local.get $o))
          (local.set $c (f64x2.add
            (f64x2.mul (local.get $f) (v128.load (i32.add (local.get $cPrev) (local.get $ps))))
            (f64x2.mul (local.get $i) (local.get $g))))
          (v128.store (i32.add (local.get $cNext) (local.get $ps)) (local.get $c))
          (local.set $c (call $act (local.get $c) (i32.const 1)))
          (v128.store (i32.add (local.get $extra) (local.get $ps)) (local.get $c))
          (v128.store (i32.add (local.get $hNext) (local.get $ps)) (f64x2.mul (local.get $o) (local.get $c)))
          (local.set $px (i32.add (local.get $px) (i32.const 16)))
          (local.set $ph (i32.add (local.get $ph) (i32.const 16)))
          (local.set $pg (i32.add (local.get $pg) (i32.const 16)))
          (local.set $ps (i32.add (local.get $ps) (i32.const 16)))
          (br_if $units (i32.lt_u (local.get $ps) (local.get $end))))
        (local.set $m (i32.add (local.get $m) (i32.const 1)))
        (br $each))))

  ;; lstmBackward(gates, extra, cPrev, dh, dc, dPre, dhPrev, dcPrev, rows, count, H): engine/cells/lstm.ts's
  ;; backward for each listed row, two units at a time, in the same order of operations (the same numbers).
  ;; Row r is r·4H numbers further for gates and dPre, r·H for the others. H must be even.
  (func (export "lstmBackward")
    (param $gates i32) (param $extra i32) (param $cPrev i32) (param $dh i32) (param $dc i32) (param $dPre i32)
    (param $dhPrev i32) (param $dcPrev i32) (param $rows i32) (param $count i32) (param $H i32)
    (local $m i32) (local $H8 i32) (local $pg i32) (local $pd i32) (local $ps i32) (local $end i32)
    (local $i v128) (local $f v128) (local $g v128) (local $o v128) (local $t v128) (local $dhj v128)
    (local $dcT v128) (local $one v128)
    (local.set $H8 (i32.shl (local.get $H) (i32.const 3)))
    (local.set $one (v128.const f64x2 1 1))
    (block $done
      (loop $each
        (br_if $done (i32.ge_s (local.get $m) (local.get $count)))
        (local.set $ps (i32.mul (call $row (local.get $rows) (local.get $m)) (local.get $H8)))
        (local.set $pg (i32.add (local.get $gates) (i32.shl (local.get $ps) (i32.const 2))))
        (local.set $pd (i32.add (local.get $dPre) (i32.shl (local.get $ps) (i32.const 2))))
        (local.set $end (i32.add (local.get $ps) (local.get $H8)))
        (loop $units
          (local.set $i (v128.load (local.get $pg)))
          (local.set $f (v128.load (i32.add (local.get $pg) (local.get $H8))))
          (local.set $g (v128.load (i32.add (local.get $pg) (i32.shl (local.get $H8) (i32.const 1)))))
          (local.set $o (v128.load (i32.add (local.get $pg) (i32.mul (local.get $H8) (i32.const 3)))))
          (local.set $t (v128.load (i32.add (local.get $extra) (local.get $ps))))
          (local.set $dhj (v128.load (i32.add (local.get $dh) (local.get $ps))))
          ;; dcT = dc + dh·o·(1 − t²)
          (local.set $dcT (f64x2.add (v128.load (i32.add (local.get $dc) (local.get $ps)))
            (f64x2.mul (f64x2.mul (local.get $dhj) (local.get $o))
              (f64x2.sub (local.get $one) (f64x2.mul (local.get $t) (local.get $t))))))
          (v128.store (local.get $pd)
            (f64x2.mul (f64x2.mul (f64x2.mul (local.get $dcT) (local.get $g)) (local.get $i))
              (f64x2.sub (local.get $one) (local.get $i))))
          (v128.store (i32.add (local.get $pd) (local.get $H8))
            (f64x2.mul (f64x2.mul (f64x2.mul (local.get $dcT) (v128.load (i32.add (local.get $cPrev) (local.get $ps))))
              (local.get $f)) (f64x2.sub (local.get $one) (local.get $f))))
          (v128.store (i32.add (local.get $pd) (i32.shl (local.get $H8) (i32.const 1)))
            (f64x2.mul (f64x2.mul (local.get $dcT) (local.get $i))
              (f64x2.sub (local.get $one) (f64x2.mul (local.get $g) (local.get $g)))))
          (v128.store (i32.add (local.get $pd) (i32.mul (local.get $H8) (i32.const 3)))
            (f64x2.mul (f64x2.mul (f64x2.mul (local.get $dhj) (local.get $t)) (local.get $o))
              (f64x2.sub (local.get $one) (local.get $o))))
          (v128.store (i32.add (local.get $dcPrev) (local.get $ps)) (f64x2.mul (local.get $dcT) (local.get $f)))
          (v128.store (i32.add (local.get $dhPrev) (local.get $ps)) (v128.const f64x2 0 0))
          (local.set $pg (i32.add (local.get $pg) (i32.const 16)))
          (local.set $pd (i32.add (local.get $pd) (i32.const 16)))
          (local.set $ps (i32.add (local.get $ps) (i32.const 16)))
          (br_if $units (i32.lt_u (local.get $ps) (local.get $end))))
        (local.set $m (i32.add (local.get $m) (i32.const 1)))
        (br $each))))

  ;; peak(n): the machine's ceiling for this module's arithmetic, n rounds of 12 independent f64x2
  ;; multiply-adds a = a·m + c (12·2 lanes·2 = 48 floating-point operations a round), enough chains to
  ;; keep every vector port busy; returns the lanes' sum, so the work cannot be dropped. m, c are
  ;; parameters, so nothing folds.
  (func (export "peak") (param $n i32) (param $mul f64) (param $add f64) (result f64)
    (local $m v128) (local $c v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128) (local $a8 v128) (local $a9 v128) (local $a10 v128) (local $a11 v128)
    (local.set $m (f64x2.splat (local.get $mul)))
    (local.set $c (f64x2.splat (local.get $add)))
    (block $done
      (loop $rounds
        (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
        (local.set $a0 (f64x2.add (f64x2.mul (local.get $a0) (local.get $m)) (local.get $c)))
        (local.set $a1 (f64x2.add (f64x2.mul (local.get $a1) (local.get $m)) (local.get $c)))
        (local.set $a2 (f64x2.add (f64x2.mul (local.get $a2) (local.get $m)) (local.get $c)))
        (local.set $a3 (f64x2.add (f64x2.mul (local.get $a3) (local.get $m)) (local.get $c)))
        (local.set $a4 (f64x2.add (f64x2.mul (local.get $a4) (local.get $m)) (local.get $c)))
        (local.set $a5 (f64x2.add (f64x2.mul (local.get $a5) (local.get $m)) (local.get $c)))
        (local.set $a6 (f64x2.add (f64x2.mul (local.get $a6) (local.get $m)) (local.get $c)))
        (local.set $a7 (f64x2.add (f64x2.mul (local.get $a7) (local.get $m)) (local.get $c)))
        (local.set $a8 (f64x2.add (f64x2.mul (local.get $a8) (local.get $m)) (local.get $c)))
        (local.set $a9 (f64x2.add (f64x2.mul (local.get $a9) (local.get $m)) (local.get $c)))
        (local.set $a10 (f64x2.add (f64x2.mul (local.get $a10) (local.get $m)) (local.get $c)))
        (local.set $a11 (f64x2.add (f64x2.mul (local.get $a11) (local.get $m)) (local.get $c)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $rounds)))
    (local.set $m (f64x2.add (f64x2.add (f64x2.add (local.get $a0) (f64x2.add (local.get $a1) (local.get $a2))) (f64x2.add (local.get $a3) (f64x2.add (local.get $a4) (local.get $a5)))) (f64x2.add (f64x2.add (local.get $a6) (f64x2.add (local.get $a7) (local.get $a8))) (f64x2.add (local.get $a9) (f64x2.add (local.get $a10) (local.get $a11))))))
    (f64.add (f64x2.extract_lane 0 (local.get $m)) (f64x2.extract_lane 1 (local.get $m))))
)
