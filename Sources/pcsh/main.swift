print("pcsh")
