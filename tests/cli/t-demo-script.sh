# scripts/demo.sh run twice: the second run reuses the demo database (a
# user added after the first run is still there) and both print a password
# of 16 letters and digits that signs in.  Small scale, no serving, $HOSO
# instead of a release build.
demo() {
  HOSO_DEMO_BIN=$HOSO HOSO_DEMO_DB=$PWD/hoso.db HOSO_DEMO_SCALE=small HOSO_DEMO_NO_SERVE=1 \
    bash "$TESTS_DIR/../../scripts/demo.sh" >out.txt 2>err.txt
}
# the password printed on the "sign in" line
printed_password() { sed -n 's/.*Đăng nhập \/ sign in: *quantri  \/  //p' out.txt; }

demo && ok || fail "first demo.sh run: $(tail -c 400 err.txt)"
pw1=$(printed_password)
[[ $pw1 =~ ^[A-Za-z0-9]{16}$ ]] && ok || fail "first password '$pw1' is not 16 letters and digits"
expect_no_out "reusing the demo database"
# what a user does in the UI between two runs
echo 'Mat-khau-can-bo-22' | "$HOSO" user add canbo9 --name "Quàng Thị Hoà" --role officer \
  --org DB --password-stdin >/dev/null 2>&1 && ok || fail "user add canbo9"

demo && ok || fail "second demo.sh run: $(tail -c 400 err.txt)"
expect_out "reusing the demo database"
pw2=$(printed_password)
[[ $pw2 =~ ^[A-Za-z0-9]{16}$ ]] && ok || fail "second password '$pw2' is not 16 letters and digits"
[ "$pw1" != "$pw2" ] && ok || fail "the second run printed the same password"
expect_status 0 "$HOSO" user list
expect_out "^canbo9\b"

# the printed password signs quantri in
start_server
login quantri "$pw2"
grep -q '"csrf"' body.txt && ok || fail "quantri cannot sign in with '$pw2': $(head -c 200 body.txt)"
stop_server
