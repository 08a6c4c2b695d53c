package web

func Fourth() {}
