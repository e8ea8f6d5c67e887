// Reads nothing: the read transaction around it ends with a bookmark of the graph's last committed write.
RETURN 1 AS mark
