/** AWS's rules for general purpose bucket names (docs: "General purpose bucket naming rules"). */
export function validBucketName(name: string): boolean {
  if (name.length < 3 || name.length > 63) return false;
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) return false;
  if (name.includes('..')) return false;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return false;
  if (/^(xn--|sthree-|amzn-s3-demo-)/.test(name)) return false;
  if (/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name)) return false;
  return true;
}

/** A region name as AWS spells them (us-east-1, eu-central-2, us-gov-west-1, cn-north-1). */
export function isRegionName(s: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d$/.test(s);
}
