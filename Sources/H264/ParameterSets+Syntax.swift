import H264Syntax

/// The parameter sets the encoder hands out are the bitstream syntax module's value,
/// named here too so that users of the encoder need not import that module.
public typealias ParameterSets = H264Syntax.ParameterSets
