// Placeholder until the commands land.
namespace golive {}
