print("camsim-bench")
