print("runsite")
