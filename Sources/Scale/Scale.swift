/// SCALE codec, runtime metadata V14 and dynamic values (stdlib only).
public enum ScaleModule {}
