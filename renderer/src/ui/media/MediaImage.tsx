/** An image of the pack: an `<img>` of its object URL (an SVG too: never inline, so never a script). */
import { useMediaFile } from './media-scope';
import './media.css';

export function MediaImage({ name, alt }: { name: string; alt: string }) {
  const file = useMediaFile(name);
  if (file.status === 'ready' && file.image)
    return <img className="media-image" src={file.url} alt={alt} data-media-name={name} />;
  if (file.status === 'loading')
    return (
      <span className="media-image media-image--loading" data-media-name={name}>
        <span className="visually-hidden">{alt}</span>
      </span>
    );
  return <span className="media-missing">[image: {alt || name}]</span>;
}
