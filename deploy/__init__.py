"""Publishing the site: the atomic publish pipeline and the files hosts need (headers, nginx sample)."""
