print("hocba")
