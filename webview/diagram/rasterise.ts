// PNG export from the editor: the standalone SVG (the CLI's, light palette)
// drawn on a canvas. The page's CSP lets images load from data: URLs only.
export async function rasterise(svg: string, width: number, height: number, scale: number): Promise<string> {
  // Browsers cap canvases near 16k pixels a side; stay well under.
  const k = Math.max(0.1, Math.min(scale, 8192 / Math.max(width, height, 1)));
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const image = new Image();
  image.width = width;
  image.height = height;
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the browser could not read the SVG'));
    image.src = `data:image/svg+xml;base64,${btoa(binary)}`;
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * k);
  canvas.height = Math.ceil(height * k);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas in this webview');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}
